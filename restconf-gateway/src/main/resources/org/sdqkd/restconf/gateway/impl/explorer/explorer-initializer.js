// Swagger UI on this server's own OpenAPI document; validatorUrl null: no call to an online validator
window.onload = function () {
  window.ui = SwaggerUIBundle({
    url: "/restconf/openapi.json",
    dom_id: "#swagger-ui",
    deepLinking: true,
    validatorUrl: null,
    presets: [SwaggerUIBundle.presets.apis],
    layout: "BaseLayout"
  });
};
