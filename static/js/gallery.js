/* Kronika: gallery lightbox. Without JavaScript each thumbnail link simply opens its large image.
   With it, a modal <dialog> shows the image (srcset up to the 1600-wide rendition), its caption
   and "3 z 12"; Escape closes, Left/Right move, Tab stays inside, focus returns to the thumbnail. */
(function () {
    "use strict";

    function el(tag, attrs, text) {
        var node = document.createElement(tag);
        Object.keys(attrs || {}).forEach(function (name) { node.setAttribute(name, attrs[name]); });
        if (text) { node.textContent = text; }
        return node;
    }

    function buildDialog() {
        var dialog = el("dialog", { "class": "lightbox", "aria-modal": "true", "aria-label": "Powiększone zdjęcie z galerii" });
        var figure = el("figure", { "class": "lightbox__figure" });
        var image = el("img", { "class": "lightbox__image", "sizes": "(min-width: 100em) 1600px, 100vw", "alt": "" });
        var caption = el("figcaption", { "class": "lightbox__caption" });
        var text = el("span", { "class": "lightbox__text" });
        var counter = el("span", { "class": "lightbox__counter", "aria-live": "polite" });
        caption.appendChild(counter);
        caption.appendChild(text);
        figure.appendChild(image);
        figure.appendChild(caption);
        var controls = el("div", { "class": "lightbox__controls" });
        var prev = el("button", { "type": "button", "class": "lightbox__button lightbox__prev" }, "‹ Poprzednie");
        var next = el("button", { "type": "button", "class": "lightbox__button lightbox__next" }, "Następne ›");
        var close = el("button", { "type": "button", "class": "lightbox__button lightbox__close" }, "Zamknij ✕");
        prev.setAttribute("aria-label", "Poprzednie zdjęcie");
        next.setAttribute("aria-label", "Następne zdjęcie");
        close.setAttribute("aria-label", "Zamknij powiększenie");
        controls.appendChild(prev);
        controls.appendChild(next);
        controls.appendChild(close);
        dialog.appendChild(figure);
        dialog.appendChild(controls);
        document.body.appendChild(dialog);
        return { dialog: dialog, image: image, text: text, counter: counter, prev: prev, next: next, close: close };
    }

    function Lightbox(links) {
        var ui = buildDialog();
        var current = 0;
        var opener = null;

        function show(index) {
            current = (index + links.length) % links.length;
            var link = links[current];
            ui.image.src = link.getAttribute("href");
            ui.image.srcset = link.getAttribute("data-srcset") || "";
            ui.image.alt = link.getAttribute("data-alt") || "";
            ui.image.width = link.getAttribute("data-full-width") || "";
            ui.image.height = link.getAttribute("data-full-height") || "";
            ui.counter.textContent = (current + 1) + " z " + links.length;
            var caption = link.getAttribute("data-caption") || "";
            ui.text.textContent = caption ? " — " + caption : "";
            var single = links.length < 2;
            ui.prev.hidden = single;
            ui.next.hidden = single;
        }

        function open(index) {
            opener = links[index];
            show(index);
            if (typeof ui.dialog.showModal === "function") { ui.dialog.showModal(); } else { ui.dialog.setAttribute("open", ""); }
            document.documentElement.classList.add("lightbox-open");
            ui.close.focus();
        }

        function close() {
            if (ui.dialog.open) {
                if (typeof ui.dialog.close === "function") { ui.dialog.close(); } else { ui.dialog.removeAttribute("open"); }
            }
            document.documentElement.classList.remove("lightbox-open");
            var target = opener || links[current];
            if (target) { target.focus(); }
        }

        function focusable() {
            return [ui.prev, ui.next, ui.close].filter(function (button) { return !button.hidden; });
        }

        links.forEach(function (link, index) {
            link.addEventListener("click", function (event) {
                if (event.ctrlKey || event.metaKey || event.shiftKey || event.button > 0) { return; }
                event.preventDefault();
                open(index);
            });
        });
        ui.prev.addEventListener("click", function () { show(current - 1); });
        ui.next.addEventListener("click", function () { show(current + 1); });
        ui.close.addEventListener("click", close);
        ui.dialog.addEventListener("cancel", function (event) { event.preventDefault(); close(); });
        ui.dialog.addEventListener("click", function (event) { if (event.target === ui.dialog) { close(); } });
        ui.dialog.addEventListener("keydown", function (event) {
            if (event.key === "Escape") { event.preventDefault(); close(); }
            else if (event.key === "ArrowRight") { event.preventDefault(); show(current + 1); }
            else if (event.key === "ArrowLeft") { event.preventDefault(); show(current - 1); }
            else if (event.key === "Tab") {
                var items = focusable();
                var position = items.indexOf(document.activeElement);
                event.preventDefault();
                var step = event.shiftKey ? -1 : 1;
                items[(position + step + items.length) % items.length].focus();
            }
        });
    }

    document.addEventListener("DOMContentLoaded", function () {
        document.querySelectorAll("[data-gallery]").forEach(function (gallery) {
            var links = Array.prototype.slice.call(gallery.querySelectorAll(".gallery__link"));
            if (links.length) { new Lightbox(links); }
        });
    });
})();
