// The reader's colour mode (light, dark or auto), set before the page is drawn so that it does
// not flash: the theme's inline script, as a file (the site's Content-Security-Policy allows
// scripts from the site only).
(() => {
  const mode = localStorage.getItem("mode") || "auto";
  const dark = window.matchMedia("(prefers-color-scheme: dark)").matches;
  document.documentElement.dataset.mode = mode;
  document.documentElement.dataset.theme =
    localStorage.getItem("theme") || (mode === "auto" ? (dark ? "dark" : "light") : mode);
})();
