/// The HTML view's script and style. State lives in the URL's fragment (`#view=tasks&run=0&status=failed&
/// category=extra&round=1&q=join&task=6&page=2`), so a view can be linked to, reloaded, and driven by tests. Only one page of
/// the task list (100 rows) is ever in the DOM, and filtering is one pass over the tasks, so 10,000 tasks with
/// 30 candidates each stay quick.
enum HTMLReportScript {
    static let style = """
        body{font-family:"DejaVu Sans",Helvetica,Arial,sans-serif;margin:0;color:#1a1a1a;background:#fafafa}
        header{background:#1f3a5f;color:#fff;padding:12px 24px}header h1{margin:0;font-size:20px}
        nav a{color:#fff;margin-right:16px}nav a.current{font-weight:bold;text-decoration:none;border-bottom:2px solid #fff}main{padding:0 24px 40px}
        table{border-collapse:collapse;margin:8px 0 16px;background:#fff}th,td{border:1px solid #ccc;padding:4px 8px;
        text-align:right;vertical-align:top}th:first-child,td:first-child{text-align:left}
        blockquote{border-left:4px solid #d55e00;margin:8px 0;padding:4px 12px;background:#fff4ec}
        pre{background:#f1f1f1;padding:8px;overflow:auto;max-height:320px;white-space:pre-wrap;word-break:break-word}
        figure.chart{margin:8px 0}#controls label{margin-right:12px}#controls select,#controls input{margin-left:4px}
        #list tr{cursor:pointer}#list tr:hover{background:#eef4fb}#list tr.selected{background:#dbe9f8}
        .passed{color:#006b3c;font-weight:bold}.failed{color:#b00020;font-weight:bold}.unavailable{color:#777}
        #detail{background:#fff;border:1px solid #ccc;padding:8px 16px;margin-top:12px}
        #tasks-layout{display:flex;gap:16px;align-items:flex-start}#tasks-layout>div{flex:1;min-width:0}
        """

    static let script = #"""
        (function () {
          const parseStarted = performance.now();
          const data = JSON.parse(document.getElementById('task-data').textContent);
          const parseMilliseconds = performance.now() - parseStarted;
          const runs = data.runs;
          const pageSize = 100;
          const el = (id) => document.getElementById(id);
          const esc = (text) => String(text == null ? '' : text).replace(/[&<>"]/g,
            (c) => ({'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;'}[c]));
          let haystacks = null;

          function state() {
            const s = {view: '', run: 0, status: 'all', category: '', round: -1, q: '', task: '', page: 0};
            for (const part of location.hash.replace(/^#/, '').split('&')) {
              if (!part) continue;
              const [key, value] = part.split('=').map(decodeURIComponent);
              if (key in s) s[key] = typeof s[key] === 'number' ? Number(value) : value;
            }
            s.run = Math.min(Math.max(0, s.run), runs.length - 1);
            return s;
          }

          function setState(changes) {
            const s = Object.assign(state(), changes);
            const parts = [];
            for (const [key, value] of Object.entries(s)) {
              const plain = {view: '', run: 0, status: 'all', category: '', round: -1, q: '', task: '', page: 0}[key];
              if (value !== plain) parts.push(key + '=' + encodeURIComponent(value));
            }
            location.hash = parts.join('&');
          }

          // A task's verdict after a round: its first sample's state ("passed", "failed", "unavailable").
          function verdict(task, round) {
            if (task.u) return 'unavailable';
            const states = task.f || [];
            const index = round < 0 || round >= states.length ? states.length - 1 : round;
            return states[index] ? 'passed' : 'failed';
          }

          function flips(s) {
            if (runs.length < 2 || s.run === 0) return null;
            const base = new Map(runs[0].tasks.map((t) => [t.id, t]));
            return (task) => {
              const other = base.get(task.id);
              if (!other) return null;
              const before = verdict(other, s.round), after = verdict(task, s.round);
              if (before === 'failed' && after === 'passed') return 'fail→pass';
              if (before === 'passed' && after === 'failed') return 'pass→fail';
              return null;
            };
          }

          function matches(task, index, s, flipOf) {
            if (s.category && task.c !== s.category) return false;
            if (s.status === 'flipped') { if (!flipOf || !flipOf(task)) return false; }
            else if (s.status !== 'all' && verdict(task, s.round) !== s.status) return false;
            if (s.q) {
              if (!haystacks) haystacks = runs.map((r) => r.tasks.map((t) =>
                [t.id, t.q || '', t.g || ''].concat((t.k || []).map((k) => k[4] + ' ' + k[5])).join('\n').toLowerCase()));
              if (haystacks[s.run][index].indexOf(s.q.toLowerCase()) < 0) return false;
            }
            return true;
          }

          function controls(s) {
            const run = runs[s.run];
            const categories = [...new Set(run.tasks.map((t) => t.c).filter((c) => c))];
            el('run').innerHTML = runs.map((r, i) => `<option value="${i}"${i === s.run ? ' selected' : ''}>${esc(r.label)} (${esc(r.benchmark)})</option>`).join('');
            el('status').value = s.status;
            el('flipped-option').disabled = runs.length < 2 || s.run === 0;
            el('category').innerHTML = '<option value="">all</option>' + categories.map((c) => `<option${c === s.category ? ' selected' : ''}>${esc(c)}</option>`).join('');
            el('round').innerHTML = '<option value="-1">last</option>' + Array.from({length: run.rounds}, (_, i) => `<option value="${i}"${i === s.round ? ' selected' : ''}>${i === 0 ? 'first answers' : 'round ' + i}</option>`).join('');
            if (document.activeElement !== el('search')) el('search').value = s.q;
          }

          function render() {
            const s = state();
            // Two tabs: the tables, and the tasks (any task filter in the link opens the tasks).
            const tasksTab = s.view === 'tasks' || (s.view !== 'tables' && location.hash.length > 1);
            el('tables').hidden = tasksTab;
            el('tasks').hidden = !tasksTab;
            el('tab-tables').classList.toggle('current', !tasksTab);
            el('tab-tasks').classList.toggle('current', tasksTab);
            controls(s);
            const run = runs[s.run];
            const flipOf = flips(s);
            const shown = [];
            run.tasks.forEach((task, index) => { if (matches(task, index, s, flipOf)) shown.push(task); });
            const pages = Math.max(1, Math.ceil(shown.length / pageSize));
            const page = Math.min(s.page, pages - 1);
            const rows = shown.slice(page * pageSize, (page + 1) * pageSize).map((task) => {
              const v = verdict(task, s.round);
              const flip = flipOf ? flipOf(task) : null;
              const rate = task.u ? '–' : `${task.p[Math.min(task.p.length - 1, s.round < 0 ? task.p.length - 1 : s.round)]}/${task.n}`;
              return `<tr data-task="${esc(task.id)}" data-status="${v}" data-category="${esc(task.c || '')}"${task.id === s.task ? ' class="selected"' : ''}>` +
                `<td>${esc(task.id)}</td><td>${esc(task.c || '')}</td><td class="${v}">${v}</td><td>${rate}</td><td>${flip || ''}</td></tr>`;
            }).join('');
            el('list').innerHTML = `<thead><tr><th>task</th><th>${esc(run.category || 'category')}</th><th>verdict</th><th>samples passing</th><th>flip</th></tr></thead><tbody>${rows}</tbody>`;
            el('summary').textContent = `${shown.length} of ${run.tasks.length} tasks` + (pages > 1 ? `, page ${page + 1} of ${pages}` : '');
            el('prev').disabled = page === 0;
            el('next').disabled = page >= pages - 1;
            detail(run, s);
          }

          function detail(run, s) {
            const task = s.task ? run.tasks.find((t) => t.id === s.task) : null;
            if (!task) { el('detail').innerHTML = '<p>Choose a task in the list.</p>'; return; }
            let html = `<h3 id="detail-title">Task ${esc(task.id)}${task.c ? ' · ' + esc(task.c) : ''} · <span class="${verdict(task, s.round)}">${verdict(task, s.round)}</span></h3>`;
            if (task.q) html += `<h4>Prompt</h4><pre>${esc(task.q)}</pre>`;
            if (task.g) html += `<h4>Gold (shown in this local view only)</h4><pre>${esc(task.g)}</pre>`;
            const candidates = task.k || [];
            if (!candidates.length) html += '<p>This result keeps verdicts only (a score directory): no candidates to show.</p>';
            for (let round = 0; round < run.rounds; round++) {
              const here = candidates.filter((k) => k[0] === round);
              if (!here.length) continue;
              html += `<h4>${round === 0 ? 'First answers' : 'Round ' + round}</h4>`;
              for (const k of here) {
                const v = k[2] === 1 ? 'passed' : k[2] === 0 ? 'failed' : 'unavailable';
                html += `<div class="candidate" data-round="${round}" data-sample="${k[1]}"><p>sample ${k[1]}: <span class="${v}">${esc(k[3])}</span></p>`;
                if (k[6]) html += `<p>Feedback shown to the model:</p><pre class="feedback">${esc(k[6])}</pre>`;
                html += `<pre class="code">${esc(k[4])}</pre>`;
                if (k[5]) html += `<pre class="problem">${esc(k[5])}</pre>`;
                html += '</div>';
              }
            }
            el('detail').innerHTML = html;
          }

          el('run').addEventListener('change', (e) => setState({run: Number(e.target.value), task: '', page: 0, category: ''}));
          el('status').addEventListener('change', (e) => setState({status: e.target.value, page: 0}));
          el('category').addEventListener('change', (e) => setState({category: e.target.value, page: 0}));
          el('round').addEventListener('change', (e) => setState({round: Number(e.target.value), page: 0}));
          el('search').addEventListener('change', (e) => setState({q: e.target.value, page: 0}));
          el('prev').addEventListener('click', () => setState({page: Math.max(0, state().page - 1)}));
          el('next').addEventListener('click', () => setState({page: state().page + 1}));
          el('list').addEventListener('click', (e) => {
            const row = e.target.closest('tr[data-task]');
            if (row) setState({task: row.dataset.task});
          });
          window.addEventListener('hashchange', render);
          const started = performance.now();
          render();
          el('tab-tables').addEventListener('click', (e) => { e.preventDefault(); setState({view: 'tables'}); });
          el('tab-tasks').addEventListener('click', (e) => { e.preventDefault(); setState({view: 'tasks'}); });
          // Measurements for the size benchmark: parsing the data, the first render, and the time since navigation
          // started (the page ready to use).
          document.body.dataset.parseMilliseconds = String(Math.round(parseMilliseconds));
          document.body.dataset.renderMilliseconds = String(Math.round(performance.now() - started));
          document.body.dataset.readyMilliseconds = String(Math.round(performance.now()));
        })();
        """#
}
