/*
 * Chronicle's public site: the little that needs JavaScript. Pages read fully without it.
 * - Share: the Web Share API where the browser has it, else copy the link; the plain link
 *   printed under the button always works.
 * - Print: a button for the commendation sheet (the print stylesheet does the layout).
 * - Timeline: starts the self-hosted TimelineJS3 from the embed's data attributes, with every
 *   file (script, CSS, zh-cn language file) from this server and no web fonts from a CDN.
 * - Live timeline: the list marked data-live follows GET /api/chronicle/timeline/live (Server-
 *   Sent Events; the browser resumes by Last-Event-ID): new events are inserted in date order,
 *   corrected ones replaced, withdrawn ones removed, each announced in the polite status region;
 *   the interactive timeline reloads its data. Without JavaScript the page is the same list.
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
  var timelineOptions = null;
  var startTimeline = null;
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
    timelineOptions = {
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
    };
    startTimeline = function () {
      embed.textContent = '';
      var timeline = new window.TL.Timeline(embed, new URL(embed.getAttribute('data-source'), window.location.href).href, timelineOptions);
      window.chronicleTimeline = timeline;
      alignFirstEvent(timeline);
    };
    startTimeline();
  }

  function alignFirstEvent(timeline) {
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

  var live = document.querySelector('[data-live]');
  if (live && window.EventSource) followLive(live);

  function followLive(section) {
    var lang = section.getAttribute('data-live-lang');
    var status = section.querySelector('[data-live-status]');
    var reduceMotion = window.matchMedia && window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    var refreshTimer = null;

    function list() {
      var ol = section.querySelector('ol.event-list');
      if (ol) return ol;
      ol = document.createElement('ol');
      ol.className = 'event-list';
      var empty = section.querySelector('[data-live-empty]');
      if (empty) empty.replaceWith(ol);
      else section.appendChild(ol);
      return ol;
    }

    function announce(text) {
      if (!status) return;
      // A change of text is what screen readers announce: clear first so a repeat is read too.
      status.textContent = '';
      window.setTimeout(function () {
        status.textContent = text;
      }, 50);
    }

    function el(tag, className, text) {
      var node = document.createElement(tag);
      if (className) node.className = className;
      if (text) node.textContent = text;
      return node;
    }

    // The same parts as the server's list (site/parts.tsx EventList), as text only.
    function render(item) {
      var li = el('li');
      li.id = 'event-' + item.slug;
      if (item.locale && item.locale !== lang) li.lang = item.locale;
      var time = el('time', 'event-date', item.displayDate);
      time.setAttribute('datetime', item.occurredAt);
      li.appendChild(time);
      li.appendChild(el('h3', 'event-title', item.title));
      if (item.description) li.appendChild(el('p', '', item.description));
      var meta = el('p', 'event-meta');
      if (item.place) meta.appendChild(el('span', '', item.place));
      (item.units || []).concat(item.actors || []).forEach(function (ref) {
        if (ref && ref.name) meta.appendChild(el('span', '', ref.name));
      });
      li.appendChild(meta);
      (item.corrections || []).forEach(function (c) {
        if (c && c.text) li.appendChild(el('p', 'correction-note', c.text));
      });
      if (!reduceMotion) li.classList.add('live-new');
      return li;
    }

    // The list is in date order, oldest first: insert before the first later event. A page of a
    // longer list (paged by cursor) takes only what falls within it: an event before its first
    // belongs to an earlier page, one after its last to a later page.
    var earlierPages = section.hasAttribute('data-live-earlier');
    var laterPages = section.hasAttribute('data-live-later');
    function place(li, occurredAt) {
      var ol = list();
      var items = ol.children;
      for (var i = 0; i < items.length; i += 1) {
        var time = items[i].querySelector('time');
        if (time && time.getAttribute('datetime') > occurredAt) {
          if (i === 0 && earlierPages) return;
          ol.insertBefore(li, items[i]);
          return;
        }
      }
      if (laterPages) return;
      ol.appendChild(li);
    }

    function refreshTimeline() {
      if (!startTimeline) return;
      window.clearTimeout(refreshTimer);
      refreshTimer = window.setTimeout(startTimeline, 1000);
    }

    function upsert(event, message) {
      var data = JSON.parse(message.data);
      var item = data.item;
      var old = document.getElementById('event-' + item.slug);
      if (old) old.remove();
      place(render(item), item.occurredAt);
      announce(section.getAttribute(event === 'publish' && !old ? 'data-live-added' : 'data-live-updated') + item.title);
      refreshTimeline();
    }

    var source = new EventSource(section.getAttribute('data-live'));
    source.addEventListener('publish', function (message) {
      upsert('publish', message);
    });
    source.addEventListener('update', function (message) {
      upsert('update', message);
    });
    source.addEventListener('remove', function (message) {
      var data = JSON.parse(message.data);
      var old = document.getElementById('event-' + data.slug);
      if (!old) return;
      old.remove();
      announce(section.getAttribute('data-live-removed'));
      refreshTimeline();
    });
    // The server no longer has what we missed: take the page's list afresh.
    source.addEventListener('reset', function () {
      fetch(window.location.href, { credentials: 'same-origin' })
        .then(function (res) {
          return res.ok ? res.text() : Promise.reject(res.status);
        })
        .then(function (html) {
          var fresh = new DOMParser().parseFromString(html, 'text/html').querySelector('[data-live] ol.event-list');
          var current = section.querySelector('ol.event-list');
          if (fresh && current) current.replaceWith(document.importNode(fresh, true));
          refreshTimeline();
        })
        .catch(function () {});
    });
  }
})();
