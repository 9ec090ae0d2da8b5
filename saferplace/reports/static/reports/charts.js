// Progressive enhancement: replace each chart's static image with the same Vega-Lite spec drawn interactively
// (tooltips). The spec is read from its <script type="application/json"> data block; nothing is evaluated, and
// vega-interpreter runs expressions without eval, as the Content-Security-Policy requires.
(function () {
  if (!window.vegaEmbed || !window.vega || !window.vega.expressionInterpreter) return;
  document.querySelectorAll(".app-chart[data-spec]").forEach(function (holder) {
    var block = document.getElementById(holder.getAttribute("data-spec"));
    if (!block) return;
    var spec = JSON.parse(block.textContent);
    var figure = holder.closest("figure");
    var image = figure ? figure.querySelector(".app-figure__image") : null;
    window.vegaEmbed(holder, spec, {
      actions: false, renderer: "svg", ast: true, expr: window.vega.expressionInterpreter,
      defaultStyle: false, tooltip: { disableDefaultStyle: true }  // styles live in saferplace.scss
    }).then(function () {
      holder.hidden = false;
      if (image) { image.hidden = true; }
      var svg = holder.querySelector("svg");
      if (svg && image) { svg.setAttribute("role", "img"); svg.setAttribute("aria-label", image.getAttribute("alt")); }
    }).catch(function () { holder.hidden = true; });
  });
})();
