// The interactive API page: Swagger UI over the app's own OpenAPI document (served as a file: the CSP forbids
// inline scripts). "Try it out" runs as the signed-in user; the "Authorize" button takes a personal token.
window.addEventListener('load', function () {
  window.ui = SwaggerUIBundle({
    url: '/api/v1/openapi.json',
    dom_id: '#swagger-ui',
    deepLinking: false,
    validatorUrl: null,
    presets: [SwaggerUIBundle.presets.apis],
    layout: 'BaseLayout'
  });
});
