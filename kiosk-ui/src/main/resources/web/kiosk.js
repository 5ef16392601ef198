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
  const PAGE_SIZE = 8;
  const BACK_STATES = ['LANGUAGE', 'CERTIFICATE_TYPE', 'PLACE_CARD', 'COPIES'];
  const BILINGUAL_STATES = ['IDLE', 'SERVICE', 'LANGUAGE'];

  let current = null;       // the screen drawn now
  let municipalityPage = 0;
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
      return el('h1', { id: 'heading' }, ja);
    }
    return el('h1', { id: 'heading', 'data-en': en }, ja, el('span', { class: 'en', lang: 'en' }, en));
  }

  function wait(text) {
    return el('div', { class: 'wait' }, el('div', { class: 'spinner', role: 'progressbar' }), el('span', {}, text));
  }

  function banners(screen) {
    const texts = T[lang()];
    const out = [];
    if (screen.returnedYen > 0) {
      const line = screen.state === 'PRINTING' || screen.state === 'TAKE_CERTIFICATE'
        ? texts.printing.change(texts.yen(screen.returnedYen))
        : texts.takeMoney(texts.yen(screen.returnedYen));
      out.push(el('div', { class: 'banner', id: 'money-banner' }, line));
    }
    if (screen.cardPresent && (screen.state === 'IDLE' || screen.state === 'REFUSED')) {
      out.push(el('div', { class: 'banner', id: 'card-banner' }, texts.takeCard));
    }
    return out;
  }

  function errorText(error) {
    return lang() === 'en' ? [error.messageEn, error.hintEn] : [error.messageJa, error.hintJa];
  }

  // --- screens -------------------------------------------------------------------------------

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
      return [
        heading(T.ja.idle.title, T.en.idle.title),
        ...banners(s),
        button([T.ja.idle.start, ' / ', T.en.idle.start], () => act('START'), { class: 'big-start', id: 'start' })
      ];
    },
    SERVICE() {
      return [
        heading(T.ja.service.title, T.en.service.title),
        el('div', { class: 'choices' },
          button([T.ja.service.vaccination, el('small', { lang: 'en' }, T.en.service.vaccination)],
            () => act('SERVICE', { value: 'VACCINATION_CERTIFICATE' }), { id: 'service-vaccination' }))
      ];
    },
    LANGUAGE() {
      return [
        heading(T.ja.language.title, T.en.language.title),
        el('div', { class: 'choices' },
          button('日本語', () => act('LANGUAGE', { value: 'JA' }), { id: 'lang-ja', lang: 'ja' }),
          button('English', () => act('LANGUAGE', { value: 'EN' }), { id: 'lang-en', lang: 'en' }))
      ];
    },
    CERTIFICATE_TYPE() {
      const x = t().type;
      return [
        heading(x.title),
        el('div', { class: 'choices' },
          ['DOMESTIC', 'OVERSEAS'].map((type) => button([x[type], el('small', {}, x[type + '_note'])],
            () => act('CERTIFICATE_TYPE', { value: type }), { id: 'type-' + type.toLowerCase() })))
      ];
    },
    PLACE_CARD() {
      return [
        heading(t().placeCard.title),
        el('p', { class: 'sub' }, t().placeCard.sub),
        el('div', { class: 'card-art' }, el('div', { class: 'reader' }, el('div', { class: 'card' })))
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
      left.push(el('div', { class: 'pin-boxes', id: 'pin-boxes', 'aria-label': s.pinLength + '/4' }, boxes));
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
        el('div', { class: 'card-art' }, el('div', { class: 'reader' }, el('div', { class: 'card out' })))
      ];
    },
    MUNICIPALITY(s) {
      const x = t().municipality;
      if (!s.municipalities) {
        return [heading(x.title), wait(x.loading)];
      }
      const pages = Math.max(1, Math.ceil(s.municipalities.length / PAGE_SIZE));
      municipalityPage = Math.min(municipalityPage, pages - 1);
      const shown = s.municipalities.slice(municipalityPage * PAGE_SIZE, (municipalityPage + 1) * PAGE_SIZE);
      const items = shown.map((m) => {
        const name = lang() === 'en' ? m.nameEn : m.nameJa;
        const note = m.selectable ? x.perCopy(t().yen(m.feePerCopyYen))
          : (lang() === 'en' ? m.reason.messageEn : m.reason.messageJa);
        return button([el('span', {}, name), el('small', {}, note)],
          () => act('MUNICIPALITY', { code: m.code }),
          { id: 'm-' + m.code, disabled: !m.selectable, 'aria-disabled': String(!m.selectable) });
      });
      const out = [heading(x.title), el('div', { class: 'list', id: 'municipality-list' }, items)];
      const pager = el('div', { class: 'pager' });
      if (pages > 1) {
        pager.append(
          button(x.prev, () => { municipalityPage--; redraw(); }, { class: 'secondary', disabled: municipalityPage === 0 }),
          el('span', {}, x.page(municipalityPage + 1, pages)),
          button(x.next, () => { municipalityPage++; redraw(); }, { class: 'secondary', disabled: municipalityPage >= pages - 1 }));
      }
      pager.append(button(x.notListed, () => act('MUNICIPALITY_NOT_LISTED'), { class: 'secondary', id: 'not-listed' }));
      out.push(pager);
      return out;
    },
    COPIES(s) {
      const x = t().copies;
      const perCopy = s.municipality ? s.municipality.feePerCopyYen : 0;
      const choices = [];
      for (let n = 1; n <= s.maxCopies; n++) {
        choices.push(button([x.copy(n), el('small', {}, x.fee(t().yen(n * perCopy)))],
          () => act('COPIES', { copies: n }), { id: 'copies-' + n }));
      }
      return [heading(x.title), el('div', { class: 'choices' }, choices)];
    },
    REQUESTING() {
      return [heading(t().requesting.title), wait('')];
    },
    CONFIRM(s) {
      const x = t().confirm;
      const sum = s.summary;
      const facts = el('table', { class: 'facts', id: 'facts' },
        el('tr', {}, el('th', {}, x.name), el('td', { id: 'confirm-name' }, sum.name)),
        sum.nameLatin ? el('tr', {}, el('th', {}, x.nameLatin), el('td', {}, sum.nameLatin)) : null,
        el('tr', {}, el('th', {}, x.birthDate), el('td', { id: 'confirm-birth' }, sum.birthDate)));
      const doses = el('table', { class: 'facts', id: 'doses' },
        el('tr', {}, [x.dose, x.date, x.product, x.manufacturer, x.lot].map((h) => el('th', {}, h))),
        sum.doses.map((d) => el('tr', {}, [d.doseNumber, d.date, d.productName, d.manufacturer, d.lot]
          .map((v) => el('td', {}, String(v))))));
      const municipalityName = s.municipality ? (lang() === 'en' ? s.municipality.nameEn : s.municipality.nameJa) : '';
      const order = el('table', { class: 'facts' },
        el('tr', {}, el('th', {}, x.municipality), el('td', {}, municipalityName),
          el('th', {}, x.copies), el('td', {}, String(s.copies)),
          el('th', {}, x.fee), el('td', { id: 'confirm-fee' }, t().yen(s.feeYen))));
      return [
        heading(x.title),
        el('p', { class: 'sub' }, x.sub),
        el('div', { class: 'row' }, facts, order),
        doses,
        el('div', { class: 'row' }, button(x.ok, () => act('CONFIRM'), { id: 'confirm-ok' }))
      ];
    },
    PAYMENT(s) {
      const x = t().payment;
      return [
        heading(x.title(t().yen(s.feeYen))),
        el('p', { class: 'amount', id: 'inserted' }, x.inserted(t().yen(s.insertedYen))),
        el('p', { class: 'sub', id: 'remaining' }, x.remaining(t().yen(Math.max(0, s.feeYen - s.insertedYen))))
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
        el('div', { class: 'choices' }, button(x.done, () => act('DONE'), { id: 'done' }))
      ];
    },
    REFUSED(s) {
      const [message, hint] = errorText(s.error);
      return [
        heading(message),
        el('p', { class: 'sub', id: 'hint' }, hint),
        el('p', { class: 'sub', id: 'error-code' }, t().refused.code(s.error.code)),
        ...banners(s),
        el('div', { class: 'choices' }, button(t().refused.ok, () => act('ACKNOWLEDGE'), { id: 'acknowledge' }))
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
    if (!previous || previous.state !== screen.state) {
      municipalityPage = 0;
    }
    redraw();
    speakFor(previous, screen);
  }

  function redraw() {
    const s = current;
    const texts = t();
    document.documentElement.lang = lang();
    document.body.dataset.state = s.state;
    document.body.dataset.outOfService = String(!!s.outOfService);
    main.replaceChildren(...screens[s.state](s));
    progress.replaceChildren(...texts.steps.map((label, i) => el('li', {
      class: i + 1 < s.step ? 'done' : (i + 1 === s.step ? 'current' : ''),
      'aria-current': i + 1 === s.step ? 'step' : 'false'
    }, (i + 1) + ' ' + label)));
    progress.hidden = s.step === 0;
    backButton.textContent = texts.back;
    backButton.hidden = !BACK_STATES.includes(s.state);
    cancelButton.textContent = BILINGUAL_STATES.includes(s.state) ? T.ja.cancel + ' / ' + T.en.cancel : texts.cancel;
    cancelButton.hidden = !s.cancellable;
  }

  // --- voice: what is said is what the screen says (never personal data) -------------------

  /** What to say for a screen: [text, language] pairs. */
  function speechFor(screen) {
    const headingNode = document.getElementById('heading');
    if (screen.state === 'REFUSED') {
      return [[errorText(screen.error).join(' '), lang()]];
    }
    if (screen.state === 'PIN' && screen.notice) {
      return [[errorText(screen.notice)[0] + ' ' + t().pin.tries(screen.triesLeft), lang()]];
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
    const changed = !previous || previous.state !== screen.state
      || screen.outOfService !== previous.outOfService
      || (screen.state === 'TAKE_CERTIFICATE' && screen.reminders !== previous.reminders)
      || (screen.state === 'PIN' && screen.notice && !previous.notice);
    const parts = speechFor(screen);
    if (changed && parts.length > 0) {
      speak(parts);
    }
  }

  function speak(parts) {
    const text = parts.map((part) => part[0]).join(' / ');
    voiceText.textContent = text;
    window.kioskSpoken.push(text);
    if (!('speechSynthesis' in window)) {
      return;
    }
    try {
      window.speechSynthesis.cancel();
      parts.forEach(([words, language]) => {
        const utterance = new SpeechSynthesisUtterance(words);
        utterance.lang = language === 'en' ? 'en-US' : 'ja-JP';
        utterance.rate = 0.95;
        window.speechSynthesis.speak(utterance);
      });
    } catch (e) {
      // no voice on this machine: the text is on screen anyway
    }
  }

  // --- simulated hardware panel --------------------------------------------------------------

  function setUpSimulatedHardware() {
    fetch('/api/hardware', { cache: 'no-store' }).then((r) => r.json()).then((hw) => {
      const panel = document.getElementById('sim');
      panel.hidden = !(hw.card || hw.coins);
      document.getElementById('sim-card').hidden = !hw.card;
      document.getElementById('sim-card-in').addEventListener('click', () => post('/api/card', { present: true }));
      document.getElementById('sim-card-out').addEventListener('click', () => post('/api/card', { present: false }));
      const coins = document.getElementById('sim-coins');
      coins.hidden = !hw.coins;
      hw.acceptedYen.forEach((yen) => coins.append(
        button('¥' + yen, () => post('/api/coin', { yen: yen }), { id: 'coin-' + yen })));
    }).catch(() => {});
  }

  backButton.addEventListener('click', () => act('BACK'));
  cancelButton.addEventListener('click', () => act('CANCEL'));
  setUpSimulatedHardware();
  fetch('/api/screen', { cache: 'no-store' }).then((r) => r.json()).then(show).catch(() => {});
  connect();
}());
