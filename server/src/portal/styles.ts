/** The portal's whole stylesheet, inlined: no extra request, no JavaScript. */
export const portalCss = `
:root{--ink:#1f2329;--muted:#4e5969;--brand:#b71c1c;--line:#d9dde3;--bg:#f6f7f9;font-size:16px}
*{box-sizing:border-box}
body{margin:0;font-family:"Noto Sans CJK SC","WenQuanYi Micro Hei","Microsoft YaHei",sans-serif;color:var(--ink);background:var(--bg);line-height:1.7}
body.elder{font-size:22px}
body.elder h1{font-size:2rem}
a{color:#0b57d0}
a:focus,button:focus{outline:3px solid #f9a825;outline-offset:2px}
.skip{position:absolute;left:-999px;top:0;background:#fff;padding:.5rem 1rem}
.skip:focus{left:1rem}
header{background:var(--brand);color:#fff}
header .bar{max-width:1100px;margin:0 auto;padding:1rem;display:flex;flex-wrap:wrap;gap:1rem;align-items:center;justify-content:space-between}
header .title{font-size:1.4em;font-weight:700;color:#fff;text-decoration:none}
header form{margin:0}
header button{font:inherit;font-size:.95em;background:#fff;color:var(--brand);border:0;border-radius:4px;padding:.3rem .9rem;cursor:pointer}
nav ul{list-style:none;display:flex;gap:1.5rem;margin:0;padding:0}
nav a{color:#fff}
main{max-width:1100px;margin:0 auto;padding:1.5rem 1rem 3rem}
h1{font-size:1.6rem;margin:.5rem 0 1rem}
h2{font-size:1.25rem;margin:2rem 0 .75rem;border-left:4px solid var(--brand);padding-left:.6rem}
.lead{color:var(--muted)}
.cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(300px,1fr));gap:1rem;list-style:none;padding:0}
.card{background:#fff;border:1px solid var(--line);border-radius:6px;padding:1rem}
.card h3{margin:0 0 .4rem;font-size:1.1em}
.card dl{display:grid;grid-template-columns:auto 1fr;gap:.1rem .8rem;margin:0;color:var(--muted);font-size:.9em}
.card dd{margin:0}
.card .code{font-variant-numeric:tabular-nums;white-space:nowrap}
.tag{display:inline-block;font-size:.8em;border:1px solid var(--line);border-radius:3px;padding:0 .4rem;margin-left:.4rem;color:var(--muted)}
ol{padding-left:1.4rem}
.code-block{font-family:ui-monospace,"DejaVu Sans Mono",monospace;font-size:.85em;word-break:break-all;background:#fff;border:1px solid var(--line);border-radius:4px;padding:.5rem .75rem}
.facts{display:grid;grid-template-columns:auto 1fr;gap:.4rem 1rem}
.facts dd{margin:0}
footer{border-top:1px solid var(--line);color:var(--muted);text-align:center;padding:1.5rem 1rem;font-size:.9em}
`;
