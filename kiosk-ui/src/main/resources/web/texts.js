// Every text on the kiosk screen, in Japanese and English. Error messages and hints come from the
// server (one source: the shared ErrorCode enum). Plain words, short sentences.
'use strict';
window.KIOSK_TEXTS = {
  ja: {
    steps: ['選択', 'カード', '市区町村', '確認', 'お支払い', '印刷'],
    back: '戻る',
    cancel: '中止',
    yen: (n) => n.toLocaleString('ja-JP') + '円',
    idle: { title: '画面にタッチして始めてください', start: 'はじめる' },
    outOfService: { title: 'ただいま休止中です', sub: '申し訳ありません。別の端末をご利用ください。' },
    takeCard: 'カードをお取りください。',
    takeMoney: (yen) => '返却口から' + yen + 'をお取りください。',
    progress: '手続きの進み具合',
    working: '処理中',
    timedOut: { title: '時間が過ぎたため、中止しました', sub: '料金はかかっていません。もう一度ご利用になるときは「はじめる」を押してください。' },
    countdown: { title: 'まだ続けますか？', seconds: (n) => 'あと' + n + '秒で中止します。', more: 'まだ続ける' },
    assist: {
      label: '使いやすくする', repeat: 'もう一度聞く', softer: '音量 小', louder: '音量 大', volume: (n, max) => '音量 ' + n + '/' + max,
      headphones: 'ヘッドホン', large: '大きな文字', contrast: '見やすい色', low: '低い位置'
    },
    service: { title: 'ご利用のサービスを選んでください', vaccination: '新型コロナワクチン接種証明書' },
    language: { title: '言語を選んでください' },
    type: {
      title: '証明書の種類を選んでください',
      DOMESTIC: '日本国内用', DOMESTIC_note: '日本語。日本国内で使えます。',
      OVERSEAS: '海外用及び日本国内用', OVERSEAS_note: '日本語と英語。旅券（パスポート）の情報の登録が必要です。'
    },
    placeCard: { title: 'マイナンバーカードをカードリーダーに置いてください', sub: 'このあと、暗証番号の入力、市区町村の選択、お支払いがあります。「カードをお取りください」と出るまで、カードは置いたままにしてください。' },
    checking: { title: 'カードを確認しています。カードを置いたままお待ちください。' },
    pin: {
      title: '暗証番号（数字4桁）を入力してください',
      sub: 'マイナンバーカードの「券面事項入力補助用」の暗証番号です。',
      tries: (n) => '入力できる残りの回数：' + n + '回',
      lastTry: 'あと1回間違えるとロックされます。',
      clear: 'クリア', backspace: '1文字消す', ok: '確定',
      entered: (n) => '4桁のうち' + n + '桁を入力しました。',
      keys: '数字のキーでも入力できます。'
    },
    reading: { title: 'カードを読み取っています。カードを動かさないでください。' },
    removeCard: { title: 'カードをお取りください', sub: 'カードを取ると、次の画面に進みます。' },
    municipality: {
      title: '接種時に住民登録があった市区町村を選択',
      sub: 'ほかの市区町村に住んでいたときの接種は、その市区町村が証明します。',
      loading: '一覧を読み込んでいます…',
      perCopy: (fee) => '1通' + fee,
      notListed: '一覧にない',
      page: (p, n) => p + ' / ' + n + ' ページ', prev: '前へ', next: '次へ',
      prefectureSub: '都道府県を選んでください',
      regions: ['北海道', '東北', '関東', '中部', '近畿', '中国', '四国', '九州・沖縄'],
      home: (name, pref) => 'カードの住所：' + pref + ' ' + name,
      rowSub: (pref) => pref + '：読みの行を選んでください',
      rows: ['あ', 'か', 'さ', 'た', 'な', 'は', 'ま', 'や', 'ら', 'わ'],
      rowLabel: (row) => row + '行',
      otherPrefecture: '都道府県を選び直す',
      notTakingPart: 'コンビニ交付を行っていません'
    },
    copies: { title: '部数を選んでください', copy: (n) => n + '通', fee: (yen) => '料金' + yen },
    requesting: { title: '証明書を準備しています。しばらくお待ちください。' },
    confirm: {
      title: '内容を確認してください',
      sub: '「戻る」で部数を変えられます。内容が違うときは「中止」し、市区町村にお問い合わせください。',
      subPassport: '旅券が今のものと違うときは「中止」し、市区町村の窓口で登録してください。',
      name: '氏名', nameLatin: '氏名（ローマ字）', birthDate: '生年月日', dose: '回', date: '接種日',
      passport: '旅券番号 / 国籍',
      product: 'ワクチン', manufacturer: '製造販売業者', lot: 'ロット番号',
      municipality: '市区町村', copies: '部数', fee: '料金', ok: 'この内容でお支払いへ',
      doses: (n) => '接種記録（' + n + '回分）',
      formatDate: (iso) => { const [y, m, d] = iso.split('-').map(Number); return y + '年' + m + '月' + d + '日'; }
    },
    payment: {
      title: (yen) => '料金' + yen + 'を入れてください',
      inserted: (yen) => '入れた金額：' + yen, remaining: (yen) => 'あと' + yen
    },
    printing: { title: '証明書を印刷しています。しばらくお待ちください。', change: (yen) => 'おつり' + yen + 'をお取りください。' },
    take: {
      title: '証明書をお取りください',
      sub: 'カード、証明書、おつりのお取り忘れにご注意ください。',
      done: '受け取りました'
    },
    refused: { code: (c) => '係員用の番号：' + c, ok: '最初の画面へ' }
  },
  en: {
    steps: ['Choose', 'Card', 'Municipality', 'Check', 'Pay', 'Print'],
    back: 'Back',
    cancel: 'Cancel',
    yen: (n) => '¥' + n.toLocaleString('en-US'),
    idle: { title: 'Touch the screen to start', start: 'Start' },
    outOfService: { title: 'This terminal is out of service', sub: 'We are sorry. Please use another terminal.' },
    takeCard: 'Please take your card.',
    takeMoney: (yen) => 'Please take ' + yen + ' from the coin return.',
    progress: 'Progress',
    working: 'Working',
    timedOut: { title: 'The time ran out, so the kiosk stopped', sub: 'Nothing was charged. To start again, press "Start".' },
    countdown: { title: 'Do you need more time?', seconds: (n) => 'The kiosk will stop in ' + n + ' seconds.', more: 'More time' },
    assist: {
      label: 'Accessibility', repeat: 'Repeat', softer: 'Softer', louder: 'Louder', volume: (n, max) => 'Volume ' + n + '/' + max,
      headphones: 'Headphones', large: 'Large text', contrast: 'High contrast', low: 'Low layout'
    },
    service: { title: 'Choose a service', vaccination: 'COVID-19 vaccination certificate' },
    language: { title: 'Choose your language' },
    type: {
      title: 'Choose the type of certificate',
      DOMESTIC: 'For use in Japan', DOMESTIC_note: 'In Japanese. Valid in Japan.',
      OVERSEAS: 'For travel abroad and Japan', OVERSEAS_note: 'In Japanese and English. Your passport must be registered.'
    },
    placeCard: { title: 'Place your My Number Card on the card reader', sub: 'Next: your PIN, your municipality and payment. Leave the card there until the screen asks you to take it.' },
    checking: { title: 'Checking your card. Please leave it on the reader.' },
    pin: {
      title: 'Enter your 4-digit PIN',
      sub: 'This is the PIN for "Input Support" (券面事項入力補助) on your My Number Card.',
      tries: (n) => 'Tries left: ' + n,
      lastTry: 'One more wrong PIN will lock the card.',
      clear: 'Clear', backspace: 'Delete', ok: 'OK',
      entered: (n) => n + ' of 4 digits entered.',
      keys: 'You can also use the number keys.'
    },
    reading: { title: 'Reading your card. Please do not move it.' },
    removeCard: { title: 'Please take your card', sub: 'The next screen appears when the card is off the reader.' },
    municipality: {
      title: 'Where were you registered when vaccinated?',
      sub: 'Doses given while you lived elsewhere are certified by that municipality.',
      loading: 'Loading the list…',
      perCopy: (fee) => fee + ' per copy',
      notListed: 'Not in the list',
      page: (p, n) => 'Page ' + p + ' of ' + n, prev: 'Previous', next: 'Next',
      prefectureSub: 'First choose the prefecture',
      regions: ['Hokkaido', 'Tohoku', 'Kanto', 'Chubu', 'Kinki', 'Chugoku', 'Shikoku', 'Kyushu, Okinawa'],
      home: (name, pref) => 'Address on your card: ' + name + ', ' + pref,
      rowSub: (pref) => pref + ': choose the first sound of the name',
      rows: ['あ a', 'か ka', 'さ sa', 'た ta', 'な na', 'は ha', 'ま ma', 'や ya', 'ら ra', 'わ wa'],
      rowLabel: (row) => row,
      otherPrefecture: 'Other prefecture',
      notTakingPart: 'Does not issue at convenience stores'
    },
    copies: { title: 'How many copies?', copy: (n) => n === 1 ? '1 copy' : n + ' copies', fee: (yen) => 'Fee ' + yen },
    requesting: { title: 'Preparing your certificate. Please wait.' },
    confirm: {
      title: 'Please check the details',
      sub: 'To change the copies press "Back". If anything is wrong, press "Cancel" and ask your municipal office.',
      subPassport: 'Not your current passport? Press "Cancel" and register it at the municipal office.',
      name: 'Name', nameLatin: 'Name (Roman letters)', birthDate: 'Date of birth', dose: 'Dose', date: 'Date',
      passport: 'Passport no. / Nationality',
      product: 'Vaccine', manufacturer: 'Manufacturer', lot: 'Lot number',
      municipality: 'Municipality', copies: 'Copies', fee: 'Fee', ok: 'Correct: go to payment',
      doses: (n) => 'Vaccinations (' + n + ')',
      formatDate: (iso) => iso
    },
    payment: {
      title: (yen) => 'Please insert ' + yen,
      inserted: (yen) => 'Inserted: ' + yen, remaining: (yen) => 'Still to pay: ' + yen
    },
    printing: { title: 'Printing your certificate. Please wait.', change: (yen) => 'Please take your change: ' + yen + '.' },
    take: {
      title: 'Please take your certificate',
      sub: 'Do not forget your card, your certificate and your change.',
      done: 'I have taken it'
    },
    refused: { code: (c) => 'Code for staff: ' + c, ok: 'Back to start' }
  }
};
