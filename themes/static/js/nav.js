/* The main menu folds behind a «Меню» button on narrow screens (and at large font sizes that
 * make a screen narrow), so a visitor on a phone sees the page first. The highlighted section
 * stays visible. Without JavaScript the menu is open. */
(function () {
  "use strict";
  var nav = document.querySelector(".main-nav[data-collapsible]");
  if (!nav) return;
  var button = nav.querySelector(".nav-toggle");
  var narrow = window.matchMedia("(max-width: 40em)");

  function set(open) {
    button.setAttribute("aria-expanded", open ? "true" : "false");
    nav.classList.toggle("is-collapsed", !open);
  }

  function layout() {
    if (narrow.matches) {
      button.hidden = false;
      set(false);
    } else {
      button.hidden = true;
      set(true);
    }
  }

  button.addEventListener("click", function () {
    set(button.getAttribute("aria-expanded") !== "true");
  });
  if (narrow.addEventListener) narrow.addEventListener("change", layout);
  layout();
})();
