/*
 * Chronicle's public site: the little that needs JavaScript. Pages read fully without it.
 * - Share: the Web Share API where the browser has it, else copy the link; the plain link
 *   printed under the button always works.
 * - Print: a button for the commendation sheet (the print stylesheet does the layout).
 * - Timeline: starts the self-hosted TimelineJS3 from the embed's data attributes, with every
 *   file (script, CSS, zh-cn language file) from this server and no web fonts from a CDN.
 */
(function () {
  'use strict';

  document.querySelectorAll('[data-share-url]').forEach(function (button) {
    var url = button.getAttribute('data-share-url');
    var title = button.getAttribute('data-share-title') || document.title;
    if (!navigator.share && !(navigator.clipboard && window.isSecureContext)) return;
    button.hidden = false;
    button.addEventListener('click', function () {
      if (navigator.share) {
        navigator.share({ title: title, url: url }).catch(function () {});
        return;
      }
      navigator.clipboard.writeText(url).then(function () {
        button.textContent = button.getAttribute('data-copied') || button.textContent;
      });
    });
  });

  document.querySelectorAll('[data-print]').forEach(function (button) {
    button.hidden = false;
    button.addEventListener('click', function () {
      window.print();
    });
  });

  var embed = document.getElementById('timeline-embed');
  if (embed && window.TL && window.TL.Timeline) {
    var scriptPath = new URL(embed.getAttribute('data-script-path'), window.location.href).href;
    var note = embed.querySelector('.no-script-note');
    if (note) note.remove();
    // A slide whose text scrolls must be reachable by keyboard (axe: scrollable-region-focusable).
    new MutationObserver(function () {
      embed.querySelectorAll('.tl-slide:not([tabindex])').forEach(function (slide) {
        slide.setAttribute('tabindex', '0');
      });
    }).observe(embed, { childList: true, subtree: true });
    new window.TL.Timeline(embed, new URL(embed.getAttribute('data-source'), window.location.href).href, {
      // TimelineJS resolves its language file as script_path + 'locale/zh-cn.json', and its
      // font CSS against script_path too: we serve the former and ask for no font theme.
      script_path: scriptPath,
      language: embed.getAttribute('data-language') || 'en',
      font: null,
      hash_bookmark: false,
      timenav_position: 'bottom',
      initial_zoom: 2,
    });
  }
})();
