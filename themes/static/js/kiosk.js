/* The hall tablet: after a period without touches the half-filled survey is cleared for the
 * next visitor (with a warning first); after submitting, the thank-you screen returns to an
 * empty survey by itself. */
(function () {
  "use strict";
  var body = document.body;
  var idle = parseInt(body.dataset.kioskIdle, 10) || 90;
  var restart = body.dataset.kioskRestart || window.location.pathname;
  var done = body.hasAttribute("data-kiosk-done");
  var warning = document.getElementById("kiosk-warning");
  var warnBefore = Math.min(10, Math.floor(idle / 2));
  var timer = null;
  var warnTimer = null;
  // A form sent back with errors holds a visitor's answers: it clears itself too.
  var touched = !!document.getElementById("survey-errors");

  function reset() { window.location.replace(restart); }

  function schedule() {
    clearTimeout(timer);
    clearTimeout(warnTimer);
    if (warning) warning.textContent = "";
    if (done) {
      timer = setTimeout(reset, Math.min(idle, 15) * 1000);
      return;
    }
    if (!touched) return;  // an untouched survey has nothing to clear
    warnTimer = setTimeout(function () {
      if (warning) {
        warning.textContent = body.dataset.kioskWarning;
      }
    }, (idle - warnBefore) * 1000);
    timer = setTimeout(reset, idle * 1000);
  }

  ["pointerdown", "keydown", "input", "change", "touchstart"].forEach(function (type) {
    document.addEventListener(type, function () {
      touched = true;
      schedule();
    }, { passive: true });
  });
  window.addEventListener("pageshow", function (event) {
    // Coming back through the browser history must not show someone else's answers.
    if (event.persisted && !done) reset();
  });
  schedule();
})();
