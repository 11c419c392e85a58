/**
 * Chinese validation messages people can read ("不能大于 10", "应为数字"),
 * instead of zod's locale text that mixes in type names ("期望 number <=10").
 * Anything not covered here falls back to zod's zh-CN locale.
 */
import { z } from 'zod';

const typeNames: Record<string, string> = {
  string: '文本',
  number: '数字',
  int: '整数',
  boolean: '是或否（true/false）',
  array: '列表',
  object: '对象',
  date: '日期',
};

type Issue = Parameters<NonNullable<z.core.$ZodConfig['customError']>>[0];

function message(issue: Issue): string | undefined {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? '必填' : `应为${typeNames[issue.expected] ?? issue.expected}`;
    case 'too_big':
      return issue.origin === 'string'
        ? `不能超过 ${issue.maximum} 个字符`
        : issue.origin === 'array'
          ? `不能超过 ${issue.maximum} 项`
          : `不能大于 ${issue.maximum}`;
    case 'too_small':
      if (issue.origin === 'string')
        return Number(issue.minimum) <= 1 ? '不能为空' : `至少 ${issue.minimum} 个字符`;
      if (issue.origin === 'array') return `至少 ${issue.minimum} 项`;
      return `不能小于 ${issue.minimum}`;
    case 'invalid_value':
      return `应为以下之一：${issue.values.map(String).join('、')}`;
    case 'not_multiple_of':
      return '应为整数';
    default:
      return undefined;
  }
}

export function configureZodMessages(): void {
  z.config(z.locales.zhCN());
  z.config({ customError: message });
}
