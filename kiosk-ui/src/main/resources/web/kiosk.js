// The kiosk screen. It draws whatever screen the firmware publishes (server-sent events) and posts
// the resident's touches back. It keeps nothing: no cookies, no storage, no personal data in URLs;
// the PIN digits go to the firmware one by one and only their count comes back.
'use strict';
(function () {
  const T = window.KIOSK_TEXTS;
  const main = document.getElementById('screen');
  const progress = document.getElementById('progress');
  const backButton = document.getElementById('back');
  const cancelButton = document.getElementById('cancel');
  const voiceText = document.getElementById('voice-text');
  const assistBar = document.getElementById('assist');
  const countdown = document.getElementById('countdown');
  const primarySlot = document.getElementById('primary-slot');
  /** Municipalities on a page: as many as fit above the pager at the kiosk's size and text size. */
  function pageSize() {
    if (window.innerHeight > window.innerWidth) {
      return assist.large ? 8 : 12;
    }
    return assist.large ? 4 : 6;
  }
  const BACK_STATES = ['LANGUAGE', 'CERTIFICATE_TYPE', 'PLACE_CARD', 'PIN', 'MUNICIPALITY', 'COPIES', 'CONFIRM'];
  const BILINGUAL_STATES = ['IDLE', 'SERVICE', 'LANGUAGE'];

  let current = null;       // the screen drawn now
  let municipalityPage = 0;
  /** The chooser's own steps inside the MUNICIPALITY screen: the prefecture (null: choose it), the kana row. */
  const chooser = { prefecture: null, row: null };
  // the resident's display choices: they end with the session (never stored)
  const NO_ASSIST = { large: false, contrast: false, low: false };
  let assist = Object.assign({}, NO_ASSIST);
  let voice = null;         // the firmware's voice settings: { volume, maxVolume, headphones }
  // for tests: what the kiosk said, in order (no personal data is ever spoken)
  window.kioskSpoken = [];

  // --- talking to the firmware ---------------------------------------------------------------

  function post(path, body) {
    return fetch(path, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
      cache: 'no-store',
      credentials: 'omit'
    }).then((response) => response.json().then((json) => {
      if (response.ok && json && json.state) {
        show(json);
      }
      return json;
    })).catch(() => null);
  }

  function act(action, extra) {
    return post('/api/action', Object.assign({ action: action }, extra || {}));
  }

  function connect() {
    const events = new EventSource('/api/events');
    events.addEventListener('screen', (event) => show(JSON.parse(event.data)));
    events.onerror = () => {
      // the browser reconnects by itself; fetch the screen meanwhile so a restart is seen at once
      setTimeout(() => fetch('/api/screen', { cache: 'no-store' })
        .then((r) => r.json()).then(show).catch(() => {}), 1000);
    };
  }

  // --- helpers -------------------------------------------------------------------------------

  function lang() {
    return current && current.language === 'EN' ? 'en' : 'ja';
  }

  function t() {
    return T[lang()];
  }

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    Object.entries(attrs || {}).forEach(([key, value]) => {
      if (key === 'class') {
        node.className = value;
      } else if (key === 'onclick') {
        node.addEventListener('click', value);
      } else if (key === 'disabled') {
        node.disabled = !!value;
      } else {
        node.setAttribute(key, value);
      }
    });
    children.flat().forEach((child) => {
      if (child !== null && child !== undefined && child !== false) {
        node.append(child instanceof Node ? child : document.createTextNode(String(child)));
      }
    });
    return node;
  }

  function button(label, onclick, attrs) {
    return el('button', Object.assign({ type: 'button', onclick: onclick }, attrs || {}), label);
  }

  /** A heading; on the first screens in both languages. */
  function heading(ja, en) {
    if (en === undefined) {
      return el('h1', { id: 'heading', tabindex: '-1' }, ja);
    }
    return el('h1', { id: 'heading', tabindex: '-1', 'data-en': en }, ja, el('span', { class: 'en', lang: 'en' }, en));
  }

  function wait(text) {
    return el('div', { class: 'wait' },
      el('div', { class: 'spinner', role: 'progressbar', 'aria-label': text || t().working }), el('span', {}, text));
  }

  /** A date as the certificate prints it: 1985年4月1日 on the Japanese screen, ISO 8601 on the English one. */
  function date(iso) {
    return t().confirm.formatDate(iso);
  }

  function banners(screen) {
    const texts = T[lang()];
    const out = [];
    if (screen.returnedYen > 0) {
      const line = screen.state === 'PRINTING' || screen.state === 'TAKE_CERTIFICATE'
        ? texts.printing.change(texts.yen(screen.returnedYen))
        : texts.takeMoney(texts.yen(screen.returnedYen));
      out.push(el('div', { class: 'banner', id: 'money-banner', role: 'status' }, line));
    }
    if (screen.cardPresent && (screen.state === 'IDLE' || screen.state === 'REFUSED')) {
      out.push(el('div', { class: 'banner', id: 'card-banner', role: 'status' }, texts.takeCard));
    }
    return out;
  }

  function errorText(error) {
    return lang() === 'en' ? [error.messageEn, error.hintEn] : [error.messageJa, error.hintJa];
  }

  // --- screens -------------------------------------------------------------------------------

  // --- the municipality chooser: prefecture, then the kana row, then the municipality ----------

  /** Regions as Japanese services group the 47 prefectures (JIS X 0401 codes). */
  const REGIONS = [[1], [2, 3, 4, 5, 6, 7], [8, 9, 10, 11, 12, 13, 14], [15, 16, 17, 18, 19, 20, 21, 22, 23],
    [24, 25, 26, 27, 28, 29, 30], [31, 32, 33, 34, 35], [36, 37, 38, 39], [40, 41, 42, 43, 44, 45, 46, 47]];
  /** The gojūon rows by their first kana; a reading's row is that of its first kana without (han)dakuten. */
  const ROWS = ['あいうえお', 'かきくけこ', 'さしすせそ', 'たちつてと', 'なにぬねの', 'はひふへほ', 'まみむめも', 'やゆよ', 'らりるれろ', 'わをん'];

  function prefectureOf(code) {
    return window.KIOSK_PREFECTURES.find((p) => p.code === code);
  }

  function prefectureName(code) {
    const p = prefectureOf(code);
    return p ? (lang() === 'en' ? p.en : p.ja) : String(code);
  }

  function kanaRow(reading) {
    const first = (reading || '').normalize('NFD').charAt(0);
    const row = ROWS.findIndex((kana) => kana.includes(first));
    return row < 0 ? 0 : row;
  }

  /** The name as the resident reads it: English where a romanised name exists, else Japanese with its reading. */
  function municipalityName(m) {
    if (lang() !== 'en') {
      return m.nameJa;
    }
    return m.nameEn || (m.nameKana ? m.nameJa + ' (' + m.nameKana + ')' : m.nameJa);
  }

  function municipalityButton(m, x, label, extraClass) {
    const note = !m.participating ? x.notTakingPart : m.selectable ? x.perCopy(t().yen(m.feePerCopyYen))
      : (lang() === 'en' ? m.reason.messageEn : m.reason.messageJa);
    // one that does not take part stays tappable: the next screen says so plainly and what to do
    const blocked = m.participating && !m.selectable;
    return button([el('span', {}, label), el('small', {}, note)],
      () => act('MUNICIPALITY', { code: m.code }),
      { id: 'm-' + m.code, class: (extraClass || '') + (m.participating ? '' : ' not-taking-part'),
        disabled: blocked, 'aria-disabled': String(blocked) });
  }

  function prefectureScreen(s, x) {
    const out = [heading(x.title), el('p', { class: 'sub small', id: 'municipality-sub' }, x.sub)];
    const home = s.municipalities.find((m) => m.home);
    out.push(el('div', { class: 'chooser-top' },
      home ? municipalityButton(home, x, x.home(municipalityName(home), prefectureName(home.prefecture)), 'home') : null,
      button(x.notListed, () => act('MUNICIPALITY_NOT_LISTED'), { class: 'secondary', id: 'not-listed' })));
    const present = new Set(s.municipalities.map((m) => m.prefecture));
    out.push(el('div', { class: 'prefs', id: 'prefectures', role: 'group', 'aria-label': x.prefectureSub }, REGIONS.map((codes, i) =>
      el('div', { class: 'region', role: 'group', 'aria-label': x.regions[i] },
        el('span', { class: 'region-name', 'aria-hidden': 'true' }, x.regions[i]),
        ...codes.map((code) => button(prefectureName(code), () => {
          chooser.prefecture = code;
          chooser.row = null;
          municipalityPage = 0;
          redraw();
          focusHeading();
        }, { id: 'pref-' + code, class: 'secondary pref', disabled: !present.has(code) }))))));
    return out;
  }

  function municipalityScreen(s, x) {
    const inPrefecture = s.municipalities.filter((m) => m.prefecture === chooser.prefecture);
    const counts = ROWS.map(() => 0);
    inPrefecture.forEach((m) => counts[kanaRow(m.nameKana)]++);
    if (chooser.row === null || counts[chooser.row] === 0) {
      chooser.row = Math.max(0, counts.findIndex((n) => n > 0));
    }
    // the center sends each prefecture in gojūon order of the reading; the rows keep that order
    const inRow = inPrefecture.filter((m) => kanaRow(m.nameKana) === chooser.row);
    const rows = el('div', { class: 'kana-rows', id: 'kana-rows', role: 'group', 'aria-label': x.rowSub(prefectureName(chooser.prefecture)) },
      el('span', { class: 'chooser-prefecture', id: 'chooser-sub' }, prefectureName(chooser.prefecture)),
      x.rows.map((label, i) => button(x.rowLabel(label), () => {
        chooser.row = i;
        municipalityPage = 0;
        redraw();
      }, { id: 'kana-' + i, class: 'secondary kana' + (i === chooser.row ? ' current' : ''), disabled: counts[i] === 0,
        'aria-pressed': String(i === chooser.row) })));
    const pages = Math.max(1, Math.ceil(inRow.length / pageSize()));
    municipalityPage = Math.min(municipalityPage, pages - 1);
    const shown = inRow.slice(municipalityPage * pageSize(), (municipalityPage + 1) * pageSize());
    const items = shown.map((m) => municipalityButton(m, x, municipalityName(m)));
    const out = [heading(x.title), rows,
      el('div', { class: 'list', id: 'municipality-list' }, items)];
    const pager = el('div', { class: 'pager' });
    if (pages > 1) {
      pager.append(
        button(x.prev, () => { municipalityPage--; redraw(); }, { class: 'secondary', id: 'm-prev', disabled: municipalityPage === 0 }),
        el('span', {}, x.page(municipalityPage + 1, pages)),
        button(x.next, () => { municipalityPage++; redraw(); }, { class: 'secondary', id: 'm-next', disabled: municipalityPage >= pages - 1 }));
    }
    pager.append(button(x.otherPrefecture, () => {
      chooser.prefecture = null;
      municipalityPage = 0;
      redraw();
      focusHeading();
    }, { class: 'secondary', id: 'other-prefecture' }));
    out.push(pager);
    return out;
  }

  function focusHeading() {
    const h = document.getElementById('heading');
    if (h) {
      h.focus({ preventScroll: true });
    }
  }

  const screens = {
    IDLE(s) {
      if (s.outOfService) {
        // disabled at the center: no start button, no session
        return [
          el('div', { class: 'out-of-service', id: 'out-of-service', role: 'status' },
            heading(T.ja.outOfService.title, T.en.outOfService.title),
            el('p', { class: 'sub' }, T.ja.outOfService.sub,
              el('span', { class: 'en', lang: 'en' }, T.en.outOfService.sub))),
          ...banners(s)
        ];
      }
      if (s.timedOut) {
        // the last session's time ran out: say so in its language, with what to take
        return [
          heading(t().timedOut.title),
          el('p', { class: 'sub', id: 'timed-out' }, t().timedOut.sub),
          ...banners(s),
          el('div', { class: 'actions' },
            button([T.ja.idle.start, ' / ', T.en.idle.start], () => act('START'), { class: 'big-start', id: 'start' }))
        ];
      }
      return [
        heading(T.ja.idle.title, T.en.idle.title),
        ...banners(s),
        el('div', { class: 'actions' },
          button([T.ja.idle.start, ' / ', T.en.idle.start], () => act('START'), { class: 'big-start', id: 'start' }))
      ];
    },
    SERVICE() {
      return [
        heading(T.ja.service.title, T.en.service.title),
        el('div', { class: 'choices actions' },
          button([T.ja.service.vaccination, el('small', { lang: 'en' }, T.en.service.vaccination)],
            () => act('SERVICE', { value: 'VACCINATION_CERTIFICATE' }), { id: 'service-vaccination' }))
      ];
    },
    LANGUAGE() {
      return [
        heading(T.ja.language.title, T.en.language.title),
        el('div', { class: 'choices actions' },
          button('日本語', () => act('LANGUAGE', { value: 'JA' }), { id: 'lang-ja', lang: 'ja' }),
          button('English', () => act('LANGUAGE', { value: 'EN' }), { id: 'lang-en', lang: 'en' }))
      ];
    },
    CERTIFICATE_TYPE() {
      const x = t().type;
      return [
        heading(x.title),
        el('div', { class: 'choices actions' },
          ['DOMESTIC', 'OVERSEAS'].map((type) => button([x[type], el('small', {}, x[type + '_note'])],
            () => act('CERTIFICATE_TYPE', { value: type }), { id: 'type-' + type.toLowerCase() })))
      ];
    },
    PLACE_CARD() {
      return [
        heading(t().placeCard.title),
        el('p', { class: 'sub' }, t().placeCard.sub),
        el('div', { class: 'card-art', 'aria-hidden': 'true' }, el('div', { class: 'reader' }, el('div', { class: 'card' })))
      ];
    },
    CHECKING_CARD() {
      return [heading(t().checking.title), wait('')];
    },
    PIN(s) {
      const x = t().pin;
      const boxes = [0, 1, 2, 3].map((i) => el('div', { class: 'pin-box' + (i < s.pinLength ? ' filled' : '') },
        i < s.pinLength ? '●' : ''));
      const left = [];
      if (s.notice) {
        left.push(el('div', { class: 'banner error', id: 'notice', role: 'alert' }, errorText(s.notice).join(' ')));
      }
      left.push(el('p', { class: 'tries' + (s.triesLeft === 1 ? ' last' : ''), id: 'tries' }, x.tries(s.triesLeft)));
      if (s.triesLeft === 1) {
        left.push(el('p', { class: 'tries last' }, x.lastTry));
      }
      left.push(el('div', { class: 'pin-boxes', id: 'pin-boxes', 'aria-hidden': 'true' }, boxes));
      left.push(el('p', { class: 'sr-only', id: 'pin-count', role: 'status' }, x.entered(s.pinLength)));
      left.push(el('p', { class: 'hint' }, x.keys));
      const digit = (d) => button(String(d), () => act('PIN_DIGIT', { digit: d }),
        { id: 'pin-' + d, disabled: s.pinLength >= 4 });
      const pad = el('div', { class: 'pad', id: 'pin-pad' },
        [1, 2, 3, 4, 5, 6, 7, 8, 9].map(digit),
        button(x.backspace, () => act('PIN_BACKSPACE'), { class: 'secondary', id: 'pin-backspace' }),
        digit(0),
        button(x.clear, () => act('PIN_CLEAR'), { class: 'secondary', id: 'pin-clear' }),
        button(x.ok, () => act('PIN_SUBMIT'), { class: 'wide', id: 'pin-ok', disabled: s.pinLength !== 4 }));
      return [el('div', { class: 'pin-area' },
        el('div', { class: 'pin-left' }, heading(x.title), el('p', { class: 'sub' }, x.sub), left), pad)];
    },
    READING() {
      return [heading(t().reading.title), wait('')];
    },
    REMOVE_CARD() {
      return [
        heading(t().removeCard.title),
        el('p', { class: 'sub' }, t().removeCard.sub),
        el('div', { class: 'card-art out', 'aria-hidden': 'true' }, el('div', { class: 'reader' }, el('div', { class: 'card out' })))
      ];
    },
    MUNICIPALITY(s) {
      const x = t().municipality;
      if (!s.municipalities) {
        return [heading(x.title), wait(x.loading)];
      }
      return chooser.prefecture === null ? prefectureScreen(s, x) : municipalityScreen(s, x);
    },
    COPIES(s) {
      const x = t().copies;
      const perCopy = s.municipality ? s.municipality.feePerCopyYen : 0;
      const choices = [];
      for (let n = 1; n <= s.maxCopies; n++) {
        choices.push(button([x.copy(n), el('small', {}, x.fee(t().yen(n * perCopy)))],
          () => act('COPIES', { copies: n }), { id: 'copies-' + n }));
      }
      return [heading(x.title), el('div', { class: 'choices copies actions' }, choices)];
    },
    REQUESTING() {
      return [heading(t().requesting.title), wait('')];
    },
    CONFIRM(s) {
      const x = t().confirm;
      const sum = s.summary;
      const en = lang() === 'en';
      const row = (label, value, id) => el('tr', {}, el('th', { scope: 'row' }, label), el('td', id ? { id: id } : {}, value));
      const facts = el('table', { class: 'facts', id: 'facts' },
        row(x.name, sum.name, 'confirm-name'),
        sum.nameLatin ? row(x.nameLatin, sum.nameLatin, 'confirm-name-latin') : null,
        row(x.birthDate, date(sum.birthDate), 'confirm-birth'),
        // overseas: the passport data on file, so a renewed passport is noticed before paying (one row:
        // five doses still fit without scrolling)
        sum.passportNumber ? row(x.passport, [el('span', { id: 'confirm-passport' }, sum.passportNumber), ' / ',
          el('span', { id: 'confirm-nationality' }, sum.nationality)]) : null);
      const municipalityName = s.municipality ? (en ? s.municipality.nameEn : s.municipality.nameJa) : '';
      const order = el('table', { class: 'facts', id: 'order' },
        row(x.municipality, municipalityName),
        row(x.copies, t().copies.copy(s.copies)),
        row(x.fee, t().yen(s.feeYen), 'confirm-fee'));
      // the doses scroll inside their own region when there are many; the action stays in place
      const doses = el('table', { class: 'facts doses', id: 'doses' },
        el('caption', { class: 'sr-only' }, x.doses(sum.doses.length)),
        el('thead', {}, el('tr', {}, [x.dose, x.date, x.product, x.manufacturer, x.lot].map((h) => el('th', { scope: 'col' }, h)))),
        el('tbody', {}, sum.doses.map((d) => el('tr', {},
          el('td', { class: 'num' }, String(d.doseNumber)),
          el('td', { class: 'date' }, date(d.date)),
          el('td', {}, en && d.productNameEn ? d.productNameEn : d.productName),
          el('td', {}, en && d.manufacturerEn ? d.manufacturerEn : d.manufacturer),
          el('td', { class: 'lot' }, d.lot)))));
      // the action is in the footer (see primaryAction): fixed, low, never pushed off by the doses
      return [
        heading(x.title),
        el('p', { class: 'sub small' }, sum.passportNumber ? x.subPassport : x.sub),
        el('div', { class: 'confirm-grid' }, facts, order),
        el('div', { class: 'dose-region', id: 'dose-region', tabindex: '0', role: 'region',
          'aria-label': x.doses(sum.doses.length) }, doses)
      ];
    },
    PAYMENT(s) {
      const x = t().payment;
      return [
        heading(x.title(t().yen(s.feeYen))),
        el('div', { role: 'status' },
          el('p', { class: 'amount', id: 'inserted' }, x.inserted(t().yen(s.insertedYen))),
          el('p', { class: 'sub', id: 'remaining' }, x.remaining(t().yen(Math.max(0, s.feeYen - s.insertedYen)))))
      ];
    },
    PRINTING(s) {
      return [heading(t().printing.title), ...banners(s), wait('')];
    },
    TAKE_CERTIFICATE(s) {
      const x = t().take;
      return [
        heading(x.title),
        el('p', { class: 'sub' }, x.sub),
        ...banners(s),
        el('div', { class: 'choices actions' }, button(x.done, () => act('DONE'), { id: 'done' }))
      ];
    },
    REFUSED(s) {
      const [message, hint] = errorText(s.error);
      return [
        heading(message),
        el('p', { class: 'sub', id: 'hint' }, hint),
        ...banners(s),
        el('div', { class: 'choices actions' }, button(t().refused.ok, () => act('ACKNOWLEDGE'), { id: 'acknowledge' })),
        el('p', { class: 'staff-code', id: 'error-code' }, t().refused.code(s.error.code))
      ];
    }
  };

  // --- drawing -------------------------------------------------------------------------------

  function show(screen) {
    // the POST answer and the event stream race: never let an older screen replace a newer one
    // (versions count per firmware start, 'boot')
    if (!screen || !screen.state
      || (current && screen.boot === current.boot && screen.version <= current.version)) {
      return;
    }
    const previous = current;
    current = screen;
    const newScreen = !previous || previous.state !== screen.state || previous.timedOut !== screen.timedOut;
    if (newScreen) {
      municipalityPage = 0;
      chooser.prefecture = null;
      chooser.row = null;
    }
    if (previous && previous.state !== 'IDLE' && screen.state === 'IDLE') {
      // the session ended: the next customer gets the plain screen and the default voice
      assist = Object.assign({}, NO_ASSIST);
      loadVoice();
    }
    const focusedId = document.activeElement && document.activeElement.id;
    redraw();
    if (newScreen) {
      // screen readers and keyboards start at the new screen's heading
      const h = document.getElementById('heading');
      if (h) {
        h.focus({ preventScroll: true });
      }
    }
    if (!countdown.hidden) {
      if (!countdown.contains(document.activeElement)) {
        document.getElementById('more-time').focus({ preventScroll: true });
      }
    } else if (!newScreen && focusedId && document.getElementById(focusedId)) {
      document.getElementById(focusedId).focus({ preventScroll: true });
    }
    speakFor(previous, screen);
  }

  function redraw() {
    const s = current;
    const texts = t();
    document.documentElement.lang = lang();
    document.body.dataset.state = s.state;
    document.body.dataset.outOfService = String(!!s.outOfService);
    main.replaceChildren(...screens[s.state](s).filter((node) => node));
    primarySlot.replaceChildren(...primaryAction(s));
    progress.replaceChildren(...texts.steps.map((label, i) => el('li', {
      class: i + 1 < s.step ? 'done' : (i + 1 === s.step ? 'current' : ''),
      'aria-current': i + 1 === s.step ? 'step' : 'false'
    }, (i + 1) + ' ' + label)));
    progress.hidden = s.step === 0;
    progress.setAttribute('aria-label', texts.progress);
    backButton.textContent = texts.back;
    backButton.hidden = !BACK_STATES.includes(s.state);
    cancelButton.textContent = BILINGUAL_STATES.includes(s.state) ? T.ja.cancel + ' / ' + T.en.cancel : texts.cancel;
    cancelButton.hidden = !s.cancellable;
    drawAssist();
    drawCountdown();
  }

  /** The screen's main action when it must stay in place whatever the content above: in the footer. */
  function primaryAction(s) {
    if (s.state === 'CONFIRM') {
      return [button(t().confirm.ok, () => act('CONFIRM'), { id: 'confirm-ok', class: 'main-action' })];
    }
    return [];
  }

  // --- countdown before a timeout ------------------------------------------------------------

  function drawCountdown() {
    const s = current;
    const showing = s.secondsLeft >= 0;
    const wasHidden = countdown.hidden;
    countdown.hidden = !showing;
    document.body.classList.toggle('counting', showing);
    if (!showing) {
      return;
    }
    const x = t().countdown;
    document.getElementById('countdown-title').textContent = x.title;
    document.getElementById('countdown-seconds').textContent = x.seconds(s.secondsLeft);
    const more = document.getElementById('more-time');
    more.textContent = x.more;
    if (wasHidden) {
      more.focus({ preventScroll: true });
    }
  }

  // --- accessibility bar: voice, text size, contrast, low layout -----------------------------

  function toggle(id, label, pressed, onclick) {
    return button(label, onclick, { id: id, 'aria-pressed': String(pressed) });
  }

  function drawAssist() {
    const x = t().assist;
    const items = [];
    if (voice) {
      items.push(
        button(x.repeat, () => voiceAction('REPEAT'), { id: 'voice-repeat' }),
        button(x.softer, () => voiceAction('SOFTER'), { id: 'voice-softer', disabled: voice.volume <= 1, 'aria-describedby': 'voice-volume' }),
        el('span', { class: 'volume', id: 'voice-volume' }, x.volume(voice.volume, voice.maxVolume)),
        button(x.louder, () => voiceAction('LOUDER'), { id: 'voice-louder', disabled: voice.volume >= voice.maxVolume, 'aria-describedby': 'voice-volume' }),
        toggle('voice-headphones', x.headphones, voice.headphones,
          () => voiceAction(voice.headphones ? 'HEADPHONES_OFF' : 'HEADPHONES_ON')));
    }
    items.push(
      toggle('assist-large', x.large, assist.large, () => setAssist({ large: !assist.large })),
      toggle('assist-contrast', x.contrast, assist.contrast, () => setAssist({ contrast: !assist.contrast })),
      toggle('assist-low', x.low, assist.low, () => setAssist({ low: !assist.low })));
    assistBar.setAttribute('aria-label', x.label);
    assistBar.replaceChildren(...items);
    document.body.classList.toggle('large', assist.large);
    document.body.classList.toggle('contrast', assist.contrast);
    document.body.classList.toggle('low', assist.low);
  }

  function setAssist(change) {
    Object.assign(assist, change);
    const focusedId = document.activeElement && document.activeElement.id;
    redraw();
    if (focusedId && document.getElementById(focusedId)) {
      document.getElementById(focusedId).focus({ preventScroll: true });
    }
  }

  function loadVoice() {
    fetch('/api/voice', { cache: 'no-store' }).then((r) => r.ok ? r.json() : null).then((v) => {
      voice = v;
      if (current) {
        drawAssist();
      }
    }).catch(() => {});
  }

  function voiceAction(action) {
    fetch('/api/voice', {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ action: action }),
      cache: 'no-store', credentials: 'omit'
    }).then((r) => r.ok ? r.json() : null).then((v) => {
      if (v) {
        voice = v;
        setAssist({});
      }
    }).catch(() => {});
  }

  // for tests: set the display modes at once
  window.kioskAssist = (change) => setAssist(change);

  // --- a physical keypad on the PIN screen (digits, Backspace, Escape, Enter) ----------------

  document.addEventListener('keydown', (event) => {
    if (!current || current.state !== 'PIN' || event.repeat) {
      return;
    }
    if (/^[0-9]$/.test(event.key)) {
      if (current.pinLength < 4) {
        act('PIN_DIGIT', { digit: Number(event.key) });
      }
      event.preventDefault();
    } else if (event.key === 'Backspace') {
      act('PIN_BACKSPACE');
      event.preventDefault();
    } else if (event.key === 'Escape' || event.key === 'Delete') {
      act('PIN_CLEAR');
      event.preventDefault();
    } else if (event.key === 'Enter' && current.pinLength === 4
        && !(document.activeElement && document.activeElement.tagName === 'BUTTON')) {
      act('PIN_SUBMIT');
      event.preventDefault();
    }
  });

  // --- caption: what the kiosk says, written (never personal data) --------------------------

  /** What to say for a screen: [text, language] pairs. */
  function speechFor(screen) {
    const headingNode = document.getElementById('heading');
    if (screen.state === 'REFUSED') {
      return [[errorText(screen.error).join(' '), lang()]];
    }
    if (screen.state === 'PIN' && screen.notice) {
      return [[errorText(screen.notice)[0] + ' ' + t().pin.tries(screen.triesLeft), lang()]];
    }
    if (screen.state === 'IDLE' && screen.timedOut) {
      return [[t().timedOut.title, lang()]];
    }
    if (screen.state === 'TAKE_CERTIFICATE') {
      return [[t().take.title + (lang() === 'ja' ? '。' : '. ') + t().take.sub, lang()]];
    }
    if (!headingNode) {
      return [];
    }
    const english = headingNode.getAttribute('data-en');
    if (english) {
      return [[headingNode.firstChild.textContent, 'ja'], [english, 'en']];
    }
    return [[headingNode.textContent, lang()]];
  }

  function speakFor(previous, screen) {
    const changed = !previous || previous.state !== screen.state || previous.timedOut !== screen.timedOut
      || screen.outOfService !== previous.outOfService
      || (screen.state === 'TAKE_CERTIFICATE' && screen.reminders !== previous.reminders)
      || (screen.state === 'PIN' && screen.notice && !previous.notice);
    const parts = speechFor(screen);
    if (changed && parts.length > 0) {
      speak(parts);
    }
  }

  /** The firmware speaks (eSpeak NG on the kiosk's audio output); the screen writes it as a caption. */
  function speak(parts) {
    const text = parts.map((part) => part[0]).join(' / ');
    voiceText.textContent = text;
    window.kioskSpoken.push(text);
  }

  // --- simulated hardware panel --------------------------------------------------------------

  function setUpSimulatedHardware() {
    fetch('/api/hardware', { cache: 'no-store' }).then((r) => r.json()).then((hw) => {
      const panel = document.getElementById('sim');
      panel.hidden = !(hw.demo || hw.card || hw.coins);
      document.getElementById('sim-card').hidden = !hw.card;
      document.getElementById('sim-card-in').addEventListener('click', () => post('/api/card', { present: true }));
      document.getElementById('sim-card-out').addEventListener('click', () => post('/api/card', { present: false }));
      const coins = document.getElementById('sim-coins');
      coins.hidden = !hw.coins;
      hw.acceptedYen.forEach((yen) => coins.append(
        button('¥' + yen, () => post('/api/coin', { yen: yen }), { id: 'coin-' + yen })));
    }).catch(() => {});
  }

  document.getElementById('more-time').addEventListener('click', () => act('MORE_TIME'));
  backButton.addEventListener('click', () => act('BACK'));
  cancelButton.addEventListener('click', () => act('CANCEL'));
  setUpSimulatedHardware();
  loadVoice();
  fetch('/api/screen', { cache: 'no-store' }).then((r) => r.json()).then(show).catch(() => {});
  connect();
}());
