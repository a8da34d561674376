/* Staff screens: keep focus sensible after htmx swaps and announce what changed. */
(function () {
  "use strict";
  document.addEventListener("htmx:afterSettle", function (event) {
    var target = event.detail.target;
    // After an outerHTML swap the old target is detached: look in the whole document then.
    var root = target && target.isConnected ? target : document;
    var focus = root.querySelector("[data-focus]");
    if (!focus && root !== document && root.matches("[data-focus]")) focus = root;
    if (focus) {
      if (!focus.hasAttribute("tabindex")) focus.setAttribute("tabindex", "-1");
      focus.focus();
    }
    var announce = root.querySelector("[data-announce]");
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
