export function NotFoundPage({ path }: { path: string }) {
  return (
    <>
      <h1>页面不存在</h1>
      <p>
        找不到 <code>{path}</code>。请返回<a href="/">首页</a>查找公示信息。
      </p>
    </>
  );
}
