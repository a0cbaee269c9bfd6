// Renders trusted SVG text into a shadow root, so ids stay local to each slide.
const STYLE = "<style>:host{display:block;line-height:0}" +
  "svg{width:100%;height:auto;display:block;font-kerning:none;font-variant-ligatures:none}</style>";

export default {
  template: "<div></div>",
  props: { content: String, seq: Number },
  mounted() {
    this.root = this.$el.attachShadow({ mode: "open" });
    this.draw();
  },
  watch: {
    content() {
      this.draw();
    },
  },
  methods: {
    draw() {
      this.show(this.content, this.seq);
    },
    // Also called straight from the server while typing (svg_view.py show_now): no re-render of the page
    // around it. ``seq`` orders the two ways in: a drawing older than the one shown is dropped.
    show(content, seq) {
      if (!this.root || (seq || 0) < (this.shownSeq || 0)) return;
      this.shownSeq = seq || 0;
      if (this.drawn === content) return;
      this.root.innerHTML = STYLE + (content || "");
      this.drawn = content;
      // the page's copy of this element's props (read when it is drawn again) follows, without a re-render
      const stored = typeof mounted_app === "object" && Vue.toRaw(mounted_app.elements[this.$attrs.id?.slice(1)]);
      if (stored && (stored.props.seq || 0) < this.shownSeq) Object.assign(stored.props, { content, seq: this.shownSeq });
    },
  },
};
