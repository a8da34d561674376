/* The hall board (cases/queue/board.html): after each refresh, announce politely the numbers
 * newly called to a window («Талон Р-014, окно 3»), once each. The table itself is refreshed by
 * htmx; without JavaScript the page's «Обновить табло» link does the same. */
(function () {
  "use strict";

  function calls() {
    var seen = {};
    document.querySelectorAll("#board-live [data-ticket]").forEach(function (row) {
      seen[row.getAttribute("data-ticket") + "|" + row.getAttribute("data-window")] = row;
    });
    return seen;
  }

  var known = null;

  document.addEventListener("DOMContentLoaded", function () {
    known = calls();
  });

  document.addEventListener("htmx:afterSettle", function () {
    var region = document.querySelector("[data-board-announce]");
    if (!region || known === null) return;
    var now = calls();
    var news = [];
    Object.keys(now).forEach(function (key) {
      if (!known[key]) {
        var parts = key.split("|");
        news.push("Талон " + parts[0] + ", окно " + parts[1]);
      }
    });
    known = now;
    if (news.length) region.textContent = news.join(". ") + ".";
  });
})();
