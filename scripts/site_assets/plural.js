// Sphinx's doctools.js reads a language's plural rule from its catalogue with `new Function`,
// which the site's Content-Security-Policy forbids (no 'unsafe-eval'). This replaces that one
// function before the catalogue (translations.js) is added: the rules of the site's languages
// are written out here, and any other falls back to English's with a warning.
(() => {
  const rules = {
    "(n != 1)": (n) => Number(n != 1),
    "(n > 1)": (n) => Number(n > 1),
    "0": () => 0,
  };
  Documentation.addTranslations = (catalog) => {
    Object.assign(Documentation.TRANSLATIONS, catalog.messages);
    Documentation.PLURAL_EXPR = rules[catalog.plural_expr];
    if (!Documentation.PLURAL_EXPR) {
      console.warn(`plural.js: no rule for ${catalog.plural_expr}; using English's`);
      Documentation.PLURAL_EXPR = rules["(n != 1)"];
    }
    Documentation.LOCALE = catalog.locale;
  };
})();
