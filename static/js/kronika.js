/* Kronika: the accessibility switches (contrast, font size), remembered in localStorage. */
(function () {
    "use strict";
    var root = document.documentElement;
    root.classList.remove("no-js");

    function stored(key) {
        try { return window.localStorage.getItem(key); } catch (e) { return null; }
    }
    function store(key, value) {
        try { window.localStorage.setItem(key, value); } catch (e) { /* private mode: not remembered */ }
    }

    function applyContrast(on) {
        if (on) { root.setAttribute("data-contrast", "high"); } else { root.removeAttribute("data-contrast"); }
        document.querySelectorAll("[data-a11y-toggle=contrast]").forEach(function (button) {
            button.setAttribute("aria-pressed", on ? "true" : "false");
        });
    }
    function applyFont(size) {
        if (size === "large" || size === "larger") { root.setAttribute("data-font", size); } else { root.removeAttribute("data-font"); size = "normal"; }
        document.querySelectorAll("[data-a11y-font]").forEach(function (button) {
            button.setAttribute("aria-pressed", button.getAttribute("data-a11y-font") === size ? "true" : "false");
        });
    }

    applyContrast(stored("kronika-contrast") === "high");
    applyFont(stored("kronika-font") || "normal");

    document.addEventListener("DOMContentLoaded", function () {
        applyContrast(stored("kronika-contrast") === "high");
        applyFont(stored("kronika-font") || "normal");
        document.querySelectorAll("[data-a11y-toggle=contrast]").forEach(function (button) {
            button.addEventListener("click", function () {
                var on = root.getAttribute("data-contrast") !== "high";
                applyContrast(on);
                store("kronika-contrast", on ? "high" : "normal");
            });
        });
        document.querySelectorAll("[data-a11y-font]").forEach(function (button) {
            button.addEventListener("click", function () {
                var size = button.getAttribute("data-a11y-font");
                applyFont(size);
                store("kronika-font", size);
            });
        });
    });
})();
