/** Password policy (等保 level 3): length, three of four character classes, not the username. */
export interface PasswordPolicy {
  minLength: number;
}

export function passwordPolicyViolation(
  password: string,
  username: string,
  policy: PasswordPolicy,
): string | null {
  if (password.length < policy.minLength) return `密码至少 ${policy.minLength} 位`;
  if (password.length > 128) return '密码不能超过 128 位';
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^a-zA-Z0-9]/].filter((re) => re.test(password)).length;
  if (classes < 3) return '密码须包含大写字母、小写字母、数字、符号中的至少三类';
  if (username && password.toLowerCase().includes(username.toLowerCase())) return '密码不能包含用户名';
  return null;
}
