import type { FastifyRequest } from 'fastify';
import type { ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { portalCss } from './styles.js';

/** The 长者模式 preference: a cookie set by a plain form post, so it works without JavaScript. */
export const elderCookie = 'zhifa_elder';
export const isElder = (request: FastifyRequest) => request.cookies[elderCookie] === '1';

export interface PageOptions {
  title: string;
  path: string;
  elder: boolean;
  children: ReactNode;
  /** Extra rules for this page only (a print layout), after the shared stylesheet. */
  styles?: string;
}

function Page({ title, path, elder, children, styles }: PageOptions) {
  return (
    <html lang="zh-CN">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} - 行政执法公示平台`}</title>
        <style>{portalCss}</style>
        {styles ? <style>{styles}</style> : null}
      </head>
      <body className={elder ? 'elder' : undefined}>
        <a className="skip" href="#main">
          跳到正文
        </a>
        <header>
          <div className="bar">
            <a className="title" href="/">
              行政执法公示平台
            </a>
            <nav aria-label="主导航">
              <ul>
                <li>
                  <a href="/" aria-current={path === '/' ? 'page' : undefined}>
                    首页
                  </a>
                </li>
                <li>
                  <a href="/agencies" aria-current={path === '/agencies' ? 'page' : undefined}>
                    执法主体
                  </a>
                </li>
                <li>
                  <a href="/officers" aria-current={path === '/officers' ? 'page' : undefined}>
                    执法人员
                  </a>
                </li>
                <li>
                  <a href="/items" aria-current={path.startsWith('/items') ? 'page' : undefined}>
                    权责清单
                  </a>
                </li>
                <li>
                  <a href="/laws" aria-current={path.startsWith('/laws') ? 'page' : undefined}>
                    法律法规
                  </a>
                </li>
                <li>
                  <a href="/guides" aria-current={path.startsWith('/guides') ? 'page' : undefined}>
                    服务指南
                  </a>
                </li>
                <li>
                  <a href="/flowcharts" aria-current={path.startsWith('/flowcharts') ? 'page' : undefined}>
                    执法流程图
                  </a>
                </li>
                <li>
                  <a href="/transparency" aria-current={path === '/transparency' ? 'page' : undefined}>
                    防篡改校验
                  </a>
                </li>
                <li>
                  <a href="/console/">工作人员登录</a>
                </li>
              </ul>
            </nav>
            <form method="post" action="/preferences/elder-mode">
              <input type="hidden" name="enabled" value={elder ? '0' : '1'} />
              <input type="hidden" name="back" value={path} />
              <button type="submit" aria-pressed={elder}>
                {elder ? '退出长者模式' : '长者模式（大字）'}
              </button>
            </form>
          </div>
        </header>
        <main id="main" tabIndex={-1}>
          {children}
        </main>
        <footer>
          <p>行政执法公示 · 全过程记录 · 重大执法决定法制审核</p>
        </footer>
      </body>
    </html>
  );
}

export function renderPage(options: PageOptions): string {
  return `<!doctype html>${renderToStaticMarkup(<Page {...options} />)}`;
}
