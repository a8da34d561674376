/* Staff screens: keep focus sensible after htmx swaps and announce what changed. */
(function () {
  "use strict";
  document.addEventListener("htmx:afterSwap", function (event) {
    var target = event.detail.target;
    if (!target) return;
    // The swapped fragment may name where focus should go (an error summary, a heading, a row).
    var focus = target.querySelector("[data-focus]") || (target.matches("[data-focus]") ? target : null);
    if (focus) {
      if (!focus.hasAttribute("tabindex")) focus.setAttribute("tabindex", "-1");
      focus.focus();
    }
    var announce = target.querySelector("[data-announce]");
    var region = document.getElementById("messages");
    if (announce && region) {
      region.textContent = "";
      var p = document.createElement("p");
      p.className = "message";
      p.textContent = announce.getAttribute("data-announce");
      region.appendChild(p);
    }
  });
})();
