// Replaces the webapp's empty default (camunda-webapp-webjar 7.24.0): Japanese for browsers whose first
// language is Japanese (navigator.languages), English otherwise. Our ja.json lies beside Camunda's en.json.
export default {
  locales: {
    availableLocales: ['en', 'ja'],
    fallbackLocale: 'en'
  }
};
