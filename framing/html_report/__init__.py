"""Building blocks of the HTML explorer (:mod:`framing.report_html`): span nesting, labels, articles."""
