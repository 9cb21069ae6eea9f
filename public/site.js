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
  var narrow = window.matchMedia && window.matchMedia('(max-width: 40rem)').matches;
  // Where the first event sits: right of the zoom buttons and (on wider screens) the unit labels.
  var EDGE = narrow ? 48 : 250;
  var MARKER = narrow ? 72 : 100;
  // The events' whole span fills the width between that edge and the last marker's label.
  var width = embed ? embed.clientWidth : 0;
  var SCALE = width ? Math.max(0.2, Math.min(1, Math.round(((width - EDGE - MARKER - 12) / width) * 100) / 100)) : 0.75;
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
    var timeline = new window.TL.Timeline(embed, new URL(embed.getAttribute('data-source'), window.location.href).href, {
      // TimelineJS resolves a language code as script_path + 'locale/<code>.json', and its font
      // CSS against script_path too: English is built in, Chinese is our own 24-hour copy of its
      // zh-cn file (a .json URL is used as given), and we ask for no font theme.
      script_path: scriptPath,
      language: embed.getAttribute('data-language') || 'en',
      font: null,
      hash_bookmark: false,
      timenav_position: 'bottom',
      // The whole span of the events fits the width (TimelineJS's default is two screens'
      // worth), so the axis opens on the data's own dates, not beyond them.
      scale_factor: SCALE,
      zoom_sequence: [SCALE, 1, 2, 3, 5, 8, 13, 21, 34, 55],
      marker_height_min: 28,
      marker_width_min: MARKER,
      timenav_height_percentage: narrow ? 40 : 35,
    });
    window.chronicleTimeline = timeline;
    // TimelineJS centres the first event under the title slide, which leaves the left half of
    // the axis before the data begins: whenever it shows the title, we slide the axis so the
    // first event sits at the left edge and the axis opens on the data's own range.
    timeline.on('loaded', function () {
      var nav = timeline._timenav;
      if (!nav || typeof nav.goTo !== 'function') return;
      var goTo = nav.goTo;
      nav.goTo = function (index) {
        goTo.apply(nav, arguments);
        if (!(index < 0) || !nav._markers || !nav._markers.length || !nav._el || !nav._el.slider) return;
        if (nav.animator) nav.animator.stop();
        nav._el.slider.className = 'tl-timenav-slider';
        nav._el.slider.style.left = Math.round(EDGE - Number(nav._markers[0].getLeft())) + 'px';
      };
    });
  }
})();
