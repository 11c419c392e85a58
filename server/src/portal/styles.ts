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
.visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.search{display:flex;flex-wrap:wrap;gap:.5rem;align-items:center;margin:0 0 1rem}
.search input{font:inherit;padding:.35rem .6rem;border:1px solid #8a919f;border-radius:4px;min-width:14em}
.search button{font:inherit;background:var(--brand);color:#fff;border:0;border-radius:4px;padding:.35rem 1rem;cursor:pointer}
.search .hint{flex-basis:100%;margin:0;color:var(--muted);font-size:.9em}
.table-wrap{overflow-x:auto}
table{border-collapse:collapse;width:100%;background:#fff}
th,td{border:1px solid var(--line);padding:.4rem .6rem;text-align:left;vertical-align:top}
thead th{background:#eef0f3}
tbody th{font-weight:600}
td.code,.code{font-variant-numeric:tabular-nums;white-space:nowrap}
.pager{display:flex;gap:1.5rem;margin-top:1rem}
.verdict{border:3px solid;border-radius:6px;padding:.75rem 1rem;margin:0 0 1.5rem;background:#fff}
.verdict p{margin:.2rem 0}
.verdict-label{font-size:1.4em}
.verdict-valid{border-color:#1b7f3b}
.verdict-valid strong{color:#1b7f3b}
.verdict-invalid{border-color:var(--brand)}
.verdict-invalid strong{color:var(--brand)}
footer{border-top:1px solid var(--line);color:var(--muted);text-align:center;padding:1.5rem 1rem;font-size:.9em}
.crumbs{color:var(--muted);margin:0}
.meta{color:var(--muted);font-size:.9em;font-weight:normal}
.link-list{list-style:none;padding:0}
.link-list li{margin:0 0 1rem}
.link-list p{margin:.2rem 0 0;color:var(--muted)}
.card-title{font-size:1.1em;margin:0 0 .4rem;border:0;padding:0}
.flowchart{margin:1rem 0;background:#fff;border:1px solid var(--line);border-radius:6px;padding:.5rem}
.flowchart-svg{overflow-x:auto}
.flowchart svg{max-width:100%;height:auto}
.flowchart figcaption{color:var(--muted);font-size:.9em}
.stages>li{background:#fff;border:1px solid var(--line);border-radius:6px;padding:.5rem 1rem;margin:0 0 .75rem}
.stages h3{margin:.2rem 0 .4rem;font-size:1.05em}
.basis{margin:0;padding-left:1.2rem}
.citations{color:var(--muted);font-size:.9em;margin:.3rem 0 0}
.entry{background:#fff;border:1px solid var(--line);border-radius:6px;padding:0 1rem 1rem;margin:0 0 1.5rem}
.guide .facts{background:#fff;border:1px solid var(--line);border-radius:6px;padding:.75rem 1rem}
.guide .facts dd p,td p{margin:0 0 .3rem}
.hint{color:var(--muted);font-size:.9em}
article.article{background:#fff;border:1px solid var(--line);border-radius:6px;padding:.25rem 1rem;margin:0 0 .75rem;scroll-margin-top:1rem}
article.article h3{margin:.4rem 0 .2rem;font-size:1.05em}
article.article p,.article-text p{margin:0 0 .3rem}
article.article:target{border:3px solid #f9a825;background:#fffbe6}
.article-text{margin:.4rem 0 0;padding:.25rem 0 .25rem .9rem;border-left:3px solid var(--line);color:var(--muted)}
.search select{font:inherit;padding:.3rem .4rem;border:1px solid #8a919f;border-radius:4px}
@media print{header,footer,.skip,.no-print{display:none}body{background:#fff;font-size:12pt}main{max-width:none;padding:0}a{color:inherit;text-decoration:none}.flowchart,.entry,.stages>li{break-inside:avoid}}
`;
