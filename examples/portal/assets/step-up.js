// Progressive enhancement of the step-up page: while a push or a call waits for the phone,
// reload every two seconds, so that the page moves on by itself once the phone answers.
// Without JavaScript, the "Continue" button does the same.
(function () {
  var waiting = document.querySelector('[data-step-up-waiting]');
  if (!waiting) return;
  window.setTimeout(function () { window.location.reload(); }, 2000);
})();
