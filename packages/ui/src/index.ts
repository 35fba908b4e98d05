// Foundations

export {
  Accordion,
  type AccordionProps,
  type AccordionSection,
} from './components/accordion/accordion.js';
export {
  type AnnouncedCall,
  Announcer,
  type AnnouncerProps,
} from './components/announcer/announcer.js';
export {
  callSentence,
  callSentenceEnglish,
  counterToWords,
  numberToWords,
  ticketToWords,
} from './components/announcer/number-words.js';
export {
  SpeechAnnouncer,
  type SpeechAnnouncerOptions,
  type SpeechSynthesisLike,
  type UtteranceFactory,
} from './components/announcer/speech-announcer.js';
export { BackLink, type BackLinkProps } from './components/back-link/back-link.js';
export { BarChart, type BarChartProps, type BarDatum } from './components/bar-chart/bar-chart.js';
export {
  type BreadcrumbItem,
  Breadcrumbs,
  type BreadcrumbsProps,
} from './components/breadcrumbs/breadcrumbs.js';
export { Button, type ButtonProps, type ButtonVariant } from './components/button/button.js';
export { Checkboxes, type CheckboxesProps } from './components/checkboxes/checkboxes.js';
export {
  COUNTER_ACTIONS,
  type CounterAction,
  type CounterActionDetail,
  CounterConsole,
  type CounterConsoleProps,
  type CounterTicketStatus,
  type ParkedTicket,
} from './components/counter-console/counter-console.js';
export {
  DateInput,
  type DateInputProps,
  type DateParts,
} from './components/date-input/date-input.js';
export { Details, type DetailsProps } from './components/details/details.js';
export { ErrorMessage, type ErrorMessageProps } from './components/error-message/error-message.js';
export {
  ErrorSummary,
  type ErrorSummaryItem,
  type ErrorSummaryProps,
} from './components/error-summary/error-summary.js';
export { Fieldset, type FieldsetProps } from './components/fieldset/fieldset.js';
export {
  Footer,
  type FooterLink,
  type FooterProps,
  type HelpContact,
} from './components/footer/footer.js';
export { Form, type FormProps } from './components/form/form.js';
export type { FieldProps } from './components/form-group/form-group.js';
export { Header, type HeaderProps } from './components/header/header.js';
export { Hint, type HintProps } from './components/hint/hint.js';
export { KioskShell, type KioskShellProps } from './components/kiosk-shell/kiosk-shell.js';
// Forms
export { Label, type LabelProps } from './components/label/label.js';
export {
  type LanguageLink,
  LanguageSwitcher,
  type LanguageSwitcherProps,
} from './components/language-switcher/language-switcher.js';
export {
  type LikertOption,
  LikertScale,
  type LikertScaleProps,
  SKM_OPTIONS_EN,
  SKM_OPTIONS_ID,
} from './components/likert-scale/likert-scale.js';
export {
  type Announce,
  LiveAnnouncer,
  type LiveAnnouncerProps,
  type Politeness,
  useAnnounce,
} from './components/live-announcer/live-announcer.js';
export { NikInput, type NikInputProps } from './components/nik-input/nik-input.js';
export { type NikProblem, nikMessages, validateNik } from './components/nik-input/validate-nik.js';
// Content and feedback
export {
  NotificationBanner,
  type NotificationBannerProps,
} from './components/notification-banner/notification-banner.js';
export {
  Pagination,
  type PaginationProps,
  pageWindow,
} from './components/pagination/pagination.js';
export { Panel, type PanelProps } from './components/panel/panel.js';
export { PhoneInput, type PhoneInputProps } from './components/phone-input/phone-input.js';
export {
  type CounterNow,
  QueueBoard,
  type QueueBoardProps,
  type QueueCall,
} from './components/queue-board/queue-board.js';
export {
  type ChoiceGroupProps,
  type ChoiceItem,
  Radios,
  type RadiosProps,
} from './components/radios/radios.js';
export { Select, type SelectOption, type SelectProps } from './components/select/select.js';
export {
  type NavigationItem,
  ServiceNavigation,
  type ServiceNavigationProps,
} from './components/service-navigation/service-navigation.js';
// MPP components
export {
  ServiceStandardView,
  type ServiceStandardViewProps,
} from './components/service-standard-view/service-standard-view.js';
export { ServiceTile, type ServiceTileProps } from './components/service-tile/service-tile.js';
// Layout
export { SkipLink, type SkipLinkProps } from './components/skip-link/skip-link.js';
export {
  SummaryList,
  type SummaryListProps,
  type SummaryRow,
} from './components/summary-list/summary-list.js';
export { Table, type TableColumn, type TableProps } from './components/table/table.js';
export { type TabItem, Tabs, type TabsProps } from './components/tabs/tabs.js';
export {
  type Status,
  StatusBadge,
  type StatusBadgeProps,
  Tag,
  type TagProps,
  type TagTone,
} from './components/tag/tag.js';
export {
  type InputWidth,
  TextInput,
  type TextInputProps,
} from './components/text-input/text-input.js';
export { CharacterCount, Textarea, type TextareaProps } from './components/textarea/textarea.js';
export {
  type PaperWidth,
  TicketCard,
  type TicketCardProps,
} from './components/ticket-card/ticket-card.js';
export {
  VisuallyHidden,
  type VisuallyHiddenProps,
} from './components/visually-hidden/visually-hidden.js';
export { type ColorPair, colorPairs } from './foundations/color-pairs.js';
export type { MessageKey } from './i18n/catalogue-id.js';
export {
  catalogues,
  createTranslator,
  format,
  I18nProvider,
  type I18nProviderProps,
  type Locale,
  type Translate,
  useI18n,
} from './i18n/i18n-provider.js';
