package io.opsflow.messaging.template;

/** How a template body is written, and so how variable values are escaped into it. */
public enum TemplateFormat {
    TEXT {
        @Override
        public String escape(String value) {
            return value;
        }
    },
    HTML {
        @Override
        public String escape(String value) {
            StringBuilder out = new StringBuilder(value.length() + 16);
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                switch (c) {
                    case '&' -> out.append("&amp;");
                    case '<' -> out.append("&lt;");
                    case '>' -> out.append("&gt;");
                    case '"' -> out.append("&quot;");
                    case '\'' -> out.append("&#39;");
                    default -> out.append(c);
                }
            }
            return out.toString();
        }
    };

    public abstract String escape(String value);
}
