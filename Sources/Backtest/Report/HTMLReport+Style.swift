extension HTMLReport {
    /// Inline stylesheet: light theme, system fonts only (nothing is fetched).
    static let stylesheet = """
    :root{--fg:#1f2937;--muted:#6b7280;--line:#e5e7eb;--bg:#f6f7f9;--card:#fff;--pos:#15803d;--neg:#b91c1c;--accent:#2563eb}
    *{box-sizing:border-box}
    body{margin:0;background:var(--bg);color:var(--fg);font:14px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;-webkit-font-smoothing:antialiased}
    main{max-width:1240px;margin:0 auto;padding:28px 24px 40px}
    header{background:var(--card);border:1px solid var(--line);border-radius:10px;padding:20px 24px;margin-bottom:16px}
    .eyebrow{font-size:12px;letter-spacing:.08em;text-transform:uppercase;color:var(--muted)}
    h1{font-size:26px;margin:2px 0 12px;font-weight:650}
    h2{font-size:17px;margin:0 0 12px;font-weight:650}
    h3{font-size:14px;margin:16px 0 6px;color:var(--muted);font-weight:600}
    .facts{display:grid;grid-template-columns:repeat(auto-fill,minmax(250px,1fr));gap:8px 24px;margin:0}
    .facts div{min-width:0}
    dt{font-size:11px;text-transform:uppercase;letter-spacing:.06em;color:var(--muted)}
    dd{margin:0;overflow-wrap:anywhere}
    code,pre{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,"Liberation Mono",monospace;font-size:12.5px}
    .cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(170px,1fr));gap:10px;margin-bottom:16px}
    .card{background:var(--card);border:1px solid var(--line);border-radius:10px;padding:12px 14px}
    .card .label{font-size:12px;color:var(--muted)}
    .card .value{font-size:22px;font-weight:650;font-variant-numeric:tabular-nums}
    .card .note{font-size:11.5px;color:var(--muted)}
    section:not(.cards){background:var(--card);border:1px solid var(--line);border-radius:10px;padding:18px 22px;margin-bottom:16px}
    .pos{color:var(--pos)}.neg{color:var(--neg)}.muted{color:var(--muted)}
    figure{margin:0}
    svg.chart{width:100%;height:auto;display:block;font-size:11px;font-family:inherit}
    svg .grid line{stroke:#eef0f3;stroke-width:1}
    svg .axis text{fill:var(--muted)}
    svg .frame{fill:none;stroke:#d1d5db}
    svg .equity{fill:none;stroke:var(--accent);stroke-width:1.6;stroke-linejoin:round}
    svg .equity-area{fill:rgba(37,99,235,.07)}
    svg .hold{fill:none;stroke:#9ca3af;stroke-width:1.3;stroke-dasharray:5 3}
    svg .base{stroke:#6b7280;stroke-width:.8;stroke-dasharray:2 3}
    svg .drawdown{fill:rgba(220,38,38,.22);stroke:#dc2626;stroke-width:1}
    svg .band{fill:rgba(100,116,139,.18)}
    svg .close{fill:none;stroke:#475569;stroke-width:1.1}
    svg .candle.up{fill:#16a34a;stroke:#16a34a;stroke-width:1}
    svg .candle.down{fill:#dc2626;stroke:#dc2626;stroke-width:1}
    svg .link{stroke-width:1;stroke-dasharray:3 2;opacity:.7}
    svg .link.win{stroke:#16a34a}svg .link.loss{stroke:#dc2626}
    svg .entry.up{fill:#16a34a;stroke:#fff;stroke-width:.8}
    svg .entry.down{fill:#dc2626;stroke:#fff;stroke-width:.8}
    svg .entry.open{fill:#f59e0b;stroke:#fff;stroke-width:.8}
    svg .exit{stroke:#111827;stroke-width:1}
    svg .exit.win{fill:#86efac}svg .exit.loss{fill:#fca5a5}
    svg polygon:hover,svg circle:hover{stroke:#111827;stroke-width:2}
    .legend{display:flex;flex-wrap:wrap;align-items:center;gap:6px 14px;font-size:12.5px;color:var(--muted);margin-bottom:6px}
    .legend .key{display:inline-block;width:22px;height:0;border-top:2px solid var(--accent);margin-right:-8px}
    .legend .key.hold{border-top:2px dashed #9ca3af}
    .mark{margin-right:-9px}.mark.up{color:#16a34a}.mark.down{color:#dc2626}.mark.win{color:#4ade80}.mark.loss{color:#f87171}.mark.open{color:#f59e0b}
    .note,.empty{font-size:12.5px;color:var(--muted);margin:6px 0}
    .scroll{overflow-x:auto}
    table{border-collapse:collapse;width:100%;font-variant-numeric:tabular-nums;font-size:13px}
    th,td{padding:5px 9px;border-bottom:1px solid var(--line);text-align:left;white-space:nowrap}
    thead th{font-size:12px;color:var(--muted);font-weight:600;background:#fafafa;position:sticky;top:0}
    td.num{text-align:right}
    table.sortable thead th{cursor:pointer;user-select:none}
    table.sortable thead th:hover{color:var(--fg)}
    th[data-dir=asc]::after{content:" ▲";font-size:9px}th[data-dir=desc]::after{content:" ▼";font-size:9px}
    table.trades tbody tr:hover{background:#f8fafc}
    td.long{color:var(--pos)}td.short{color:var(--neg)}td.exit.stop_loss,td.exit.trailing_stop{color:var(--neg)}td.exit.take_profit{color:var(--pos)}
    table.monthly td{text-align:right;min-width:62px}
    table.monthly td.none{background:#fafafa}
    table.monthly td.total{font-weight:650;border-left:2px solid var(--line)}
    details summary{cursor:pointer;color:var(--accent)}
    pre{background:#f8fafc;border:1px solid var(--line);border-radius:8px;padding:12px;overflow:auto;max-height:520px}
    footer{color:var(--muted);font-size:12px;text-align:center;margin-top:10px}
    @media (max-width:700px){main{padding:12px}.card .value{font-size:18px}}
    """

    /// Inline script: click-to-sort tables (numeric by `data-v`, otherwise by text). The page works without it.
    static let script = """
    (function(){
      function key(cell){var v=cell.getAttribute('data-v');if(v!==null){var n=parseFloat(v);if(!isNaN(n)){return n;}}return cell.textContent;}
      var heads=document.querySelectorAll('table.sortable thead th');
      Array.prototype.forEach.call(heads,function(th){
        th.addEventListener('click',function(){
          var table=th.closest('table');var body=table.tBodies[0];if(!body){return;}
          var index=Array.prototype.indexOf.call(th.parentNode.children,th);
          var asc=th.getAttribute('data-dir')!=='asc';
          Array.prototype.forEach.call(th.parentNode.children,function(h){h.removeAttribute('data-dir');});
          th.setAttribute('data-dir',asc?'asc':'desc');
          var rows=Array.prototype.slice.call(body.rows);
          rows.sort(function(a,b){var x=key(a.cells[index]),y=key(b.cells[index]);if(x<y){return asc?-1:1;}if(x>y){return asc?1:-1;}return 0;});
          rows.forEach(function(r){body.appendChild(r);});
        });
      });
    })();
    """
}
