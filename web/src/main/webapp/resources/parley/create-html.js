/*
 * Create HTML (settings/create-html.xhtml): rebuilds the preview and the snippets from the choices,
 * with the rules of CreateHtmlBacking (colours only as 3 or 6 hex digits, defaults left out of the
 * address), and copies a snippet on request. Plain ES2020, no library, no inline script.
 */
(() => {
    'use strict';

    const form = document.getElementById('create-html');
    if (!form) {
        return;
    }
    const HEX = /^(?:[0-9A-Fa-f]{3}|[0-9A-Fa-f]{6})$/;
    const SIZES = {window: [300, 300], button: [260, 48], icon: [28, 28]};
    const preview = document.getElementById('preview');
    const embed = document.getElementById('embed-snippet');
    const icon = document.getElementById('icon-snippet');
    const copyStatus = document.getElementById('copy-status');
    const {controlUrl, imageUrl, invitee, name} = form.dataset;

    const attribute = (text) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;')
        .replace(/</g, '&lt;').replace(/>/g, '&gt;');
    const encode = (value) => encodeURIComponent(value).replace(/%40/g, '@');

    function query(view) {
        const parts = ['invitee=' + encode(invitee)];
        const culture = form.elements.culture.value;
        if (culture !== 'en-US') {
            parts.push('mkt=' + encode(culture));
        }
        const theme = form.elements.theme.value;
        if (theme === 'none') {
            parts.push('useTheme=false');
        } else if (theme !== 'blue') {
            parts.push('themeName=' + encode(theme));
        }
        form.querySelectorAll('input[data-colour]').forEach((input) => {
            const colour = input.value.trim();
            input.setAttribute('aria-invalid', String(colour !== '' && !HEX.test(colour)));
            if (HEX.test(colour)) {
                parts.push(input.dataset.colour + '=' + colour.toLowerCase());
            }
        });
        if (view !== 'window') {
            parts.push('view=' + view);
        }
        return parts.join('&');
    }

    let timer = 0;

    function update() {
        const view = form.elements.view.value || 'window';
        const url = controlUrl + '?' + query(view);
        const [width, height] = SIZES[view] || SIZES.window;
        const title = attribute(form.dataset.chatWith.replace('{0}', name));
        embed.value = `<iframe src="${attribute(url)}" width="${width}" height="${height}" title="${title}"`
            + ' style="border:0"></iframe>';
        icon.value = `<a href="${attribute(controlUrl + '?' + query('window'))}" target="_blank"><img`
            + ` src="${attribute(imageUrl)}" width="16" height="16" alt="${title}"></a>`;
        // typing a colour would reload the preview at every key: wait for a pause
        clearTimeout(timer);
        timer = setTimeout(() => {
            if (preview.src !== url) {
                preview.src = url;
            }
        }, 300);
    }

    async function copy(button) {
        const area = document.getElementById(button.dataset.copy);
        let copied = false;
        try {
            await navigator.clipboard.writeText(area.value);
            copied = true;
        } catch (e) {
            area.focus();
            area.select();
            try {
                copied = document.execCommand('copy');
            } catch (e2) {
                copied = false;
            }
        }
        copyStatus.textContent = copied ? form.dataset.copied : form.dataset.copyByHand;
    }

    form.addEventListener('input', update);
    form.addEventListener('change', update);
    form.addEventListener('submit', (event) => event.preventDefault());
    document.querySelectorAll('button[data-copy]').forEach((button) => button.addEventListener('click', () => copy(button)));
    update();
})();
