// Progressive enhancement only: every page works without this file.
// A second tap on a submit button while the first is on its way does nothing (the server also
// ignores a repeated submission, so this is only to spare a tired parent the confusion).
document.addEventListener('submit', function (event) {
  var form = event.target;
  if (form.dataset.submitted === 'true') {
    event.preventDefault();
    return;
  }
  form.dataset.submitted = 'true';
  setTimeout(function () { form.dataset.submitted = 'false'; }, 8000);
});
