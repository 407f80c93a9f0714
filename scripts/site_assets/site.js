// What every edition's pages need under the site's Content-Security-Policy (scripts/site_csp.py
// adds this script to each page, old editions included).
(() => {
  // Editions built before the site had the policy (2026.1, 2026.2) leave the colour mode empty
  // when the reader has not chosen one, which the theme's script reports as an error.
  if (!document.documentElement.dataset.mode) {
    document.documentElement.dataset.mode = "auto";
  }
  // After a search, Sphinx marks the words on the pages with a link to hide them again; its
  // javascript: address is blocked by the policy, and in Bokmål and Danish it has no text.
  const script = document.currentScript;
  document.addEventListener("DOMContentLoaded", () => {
    for (const link of document.querySelectorAll('.highlight-link a[href^="javascript:"]')) {
      link.href = "#";
      if (!link.textContent.trim()) link.textContent = script.dataset.hideMatches;
      link.addEventListener("click", (event) => {
        event.preventDefault();
        SphinxHighlight.hideSearchWords();
      });
    }
  });
})();
