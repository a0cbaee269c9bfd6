// Renders trusted SVG text into a shadow root, so ids stay local to each slide.
const STYLE = "<style>:host{display:block;line-height:0}" +
  "svg{width:100%;height:auto;display:block;font-kerning:none;font-variant-ligatures:none}</style>";

export default {
  template: "<div></div>",
  props: { content: String },
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
      if (!this.root || this.drawn === this.content) return;
      this.root.innerHTML = STYLE + (this.content || "");
      this.drawn = this.content;
    },
  },
};
