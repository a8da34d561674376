/* Visually-impaired mode (версия для слабовидящих).
 *
 * Loaded synchronously in <head> (no inline script, CSP-friendly): it first applies the saved
 * settings to <html> as data-attributes, so the page never flashes in the normal version, then
 * wires the panel once the document is parsed. Everything runs on the client: every visitor
 * gets the same cacheable HTML.
 */
(function () {
  "use strict";
  var KEY = "marshrut-a11y";
  var DEFAULTS = { size: "1", scheme: "bw", images: "on", spacing: "normal", font: "sans" };
  var root = document.documentElement;

  function load() {
    try {
      return JSON.parse(window.localStorage.getItem(KEY)) || null;
    } catch (e) {
      return null;
    }
  }

  function save(state) {
    try {
      if (state) {
        window.localStorage.setItem(KEY, JSON.stringify(state));
      } else {
        window.localStorage.removeItem(KEY);
      }
    } catch (e) {
      /* storage may be disabled: the mode still works on this page */
    }
  }

  function apply(state) {
    Object.keys(DEFAULTS).forEach(function (name) {
      if (state) {
        root.setAttribute("data-a11y-" + name, state[name] || DEFAULTS[name]);
      } else {
        root.removeAttribute("data-a11y-" + name);
      }
    });
    if (state) {
      root.setAttribute("data-a11y", "on");
    } else {
      root.removeAttribute("data-a11y");
    }
  }

  var state = load();
  apply(state);

  function render() {
    var panel = document.getElementById("a11y-panel");
    var toggle = document.getElementById("a11y-toggle");
    if (!panel || !toggle) {
      return;
    }
    toggle.hidden = !!state;
    panel.hidden = !state;
    var buttons = panel.querySelectorAll("button[data-a11y-setting]");
    Array.prototype.forEach.call(buttons, function (button) {
      var name = button.getAttribute("data-a11y-setting");
      var value = button.getAttribute("data-a11y-value");
      button.setAttribute("aria-pressed", String(!!state && state[name] === value));
    });
  }

  function init() {
    var panel = document.getElementById("a11y-panel");
    var toggle = document.getElementById("a11y-toggle");
    var reset = document.getElementById("a11y-reset");
    if (!panel || !toggle || !reset) {
      return;
    }
    toggle.addEventListener("click", function () {
      state = Object.assign({}, DEFAULTS, { size: "2" });
      save(state);
      apply(state);
      render();
      var first = panel.querySelector("button[aria-pressed=true]");
      if (first) {
        first.focus();
      }
    });
    reset.addEventListener("click", function () {
      state = null;
      save(null);
      apply(null);
      render();
      toggle.focus();
    });
    panel.addEventListener("click", function (event) {
      var button = event.target.closest("button[data-a11y-setting]");
      if (!button) {
        return;
      }
      state = Object.assign({}, DEFAULTS, state || {});
      state[button.getAttribute("data-a11y-setting")] = button.getAttribute("data-a11y-value");
      save(state);
      apply(state);
      render();
    });
    render();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
