window.NEWSGEN_SEARCH = {{ search_entries(articles, speakers)|tojson }};
