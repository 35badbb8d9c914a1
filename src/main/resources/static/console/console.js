// Live progress of a running round, without reloading: polls the round's progress.json every two
// seconds and shows rows done, percent, rows/s and ETA; when the run ends a link offers its steps.
(function () {
  var section = document.getElementById('progress');
  if (!section) {
    return;
  }
  var url = section.getAttribute('data-url');
  var labels = document.getElementById('progress-labels');
  var running = ['STARTING', 'STARTED', 'STOPPING'];
  var wasRunning = running.indexOf(section.getAttribute('data-status')) >= 0;
  var shownExecution = section.getAttribute('data-execution');
  function fill(template, values) {
    return template.replace(/\{(\d)\}/g, function (m, i) { return values[+i]; });
  }
  function show(p) {
    document.getElementById('progress-bar').value = p.percent;
    document.getElementById('progress-text').textContent =
        fill(labels.getAttribute('data-rows'), [p.done.toLocaleString(), p.total.toLocaleString(), p.percent]);
    document.getElementById('progress-rate').textContent =
        fill(labels.getAttribute('data-rate'), [Math.round(p.rowsPerSecond).toLocaleString()]);
    document.getElementById('progress-eta').textContent =
        p.etaSeconds == null ? '' : fill(labels.getAttribute('data-eta'), [p.etaSeconds]);
    var status = document.getElementById('progress-status');
    // the status in the page's language, its code kept for scripts and styles
    status.textContent = (labels.getAttribute('data-status-' + p.status.toLowerCase()) || p.status) + ' · ' + p.step;
    status.className = 'status ' + p.status;
    status.setAttribute('data-status', p.status);
    section.setAttribute('data-status', p.status);
  }
  // every two seconds while a run goes on; once none does, every thirty (to see one a cron
  // starts); never again once the session has ended (signed out, idle, account changed):
  // the poll is not a person and keeps nobody signed in
  function poll() {
    fetch(url, {credentials: 'same-origin', redirect: 'manual', headers: {'Accept': 'application/json'}})
      .then(function (r) {
        if (r.status === 401 || r.status === 403 || r.type === 'opaqueredirect') {
          return 'ended';
        }
        return r.status === 200 ? r.json() : null;
      })
      .then(function (p) {
        if (p === 'ended') { return; }
        if (p) {
          section.hidden = false;
          show(p);
        }
        if (!p) { setTimeout(poll, 30000); return; }
        var nowRunning = running.indexOf(p.status) >= 0;
        // a run ended since this page was drawn: offer its steps
        if (!nowRunning && (wasRunning || String(p.executionId) !== shownExecution)) {
          document.getElementById('progress-ended').hidden = false;
        }
        wasRunning = nowRunning;
        setTimeout(poll, nowRunning ? 2000 : 30000);
      })
      .catch(function () { setTimeout(poll, 30000); });
  }
  setTimeout(poll, 1000);
})();

// A download of row-level data carries the reason typed beside it: the access record keeps it
// (README, "The access record").
(function () {
  var reason = document.getElementById('download-reason');
  if (!reason) {
    return;
  }
  document.querySelectorAll('a.with-reason').forEach(function (a) {
    a.addEventListener('click', function () {
      var base = a.getAttribute('href').replace(/([?&])reason=[^&]*&?/, '$1').replace(/[?&]$/, '');
      var why = reason.value.trim();
      a.setAttribute('href', why ? base + (base.indexOf('?') < 0 ? '?' : '&') + 'reason=' + encodeURIComponent(why) : base);
    });
  });
})();
