;;; gongwen.el --- Gongwen (公文) work reports with eglot  -*- lexical-binding: t; -*-

;; In your init file (after `npm ci && npm run build` in the gongwen folder):
;;
;;   (load "/path/to/gongwen/editors/emacs/gongwen.el")
;;
;; Needs eglot (built into Emacs 29; on Emacs 28 install it: `M-x package-install RET eglot`,
;; or Debian's `elpa-eglot`).
;;
;; What it does:
;; - `gongwen-mode' (derived from `text-mode', long lines wrapped visually) for `.gongwen' files,
;;   and for a `.txt' file whose first lines look like a report (a short title line such as
;;   `青石镇2024年政府工作报告', or the salutation `各位代表：' near `政府工作').
;; - Registers `node <gongwen>/dist/server.js --stdio' with eglot for `gongwen-mode' and starts
;;   it in every such buffer (`eglot-ensure'), so findings show through Flymake and the outline
;;   through Imenu; code actions (`eglot-code-actions'), completion and hover work as usual.
;; - The server answers in Chinese when LC_ALL / LC_MESSAGES / LANG is zh_*.
;;
;; Customize `gongwen-server-command', `gongwen-settings' (as in .gongwen.json) and
;; `gongwen-detect-txt'.

;;; Code:

(require 'eglot)

(defgroup gongwen nil
  "Chinese work reports (公文)."
  :group 'text
  :prefix "gongwen-")

(defconst gongwen--repository
  (file-name-directory
   (directory-file-name
    (file-name-directory
     (directory-file-name (file-name-directory (or load-file-name buffer-file-name))))))
  "The gongwen folder: this file is <folder>/editors/emacs/gongwen.el.")

(defcustom gongwen-server-command
  (list "node" (expand-file-name "dist/server.js" gongwen--repository) "--stdio")
  "The command that starts the Gongwen language server."
  :type '(repeat string))

(defcustom gongwen-settings nil
  "Settings sent to the server, as a plist shaped like .gongwen.json.
Example: (:rules (:halfwidth-punctuation \"off\"))."
  :type 'sexp)

(defcustom gongwen-detect-txt t
  "Whether a .txt file whose first lines look like a report opens in `gongwen-mode'."
  :type 'boolean)

(defconst gongwen--title-words
  '("政府工作报告" "工作报告" "工作总结" "工作计划" "工作要点" "工作思路" "工作打算" "工作安排" "述职报告")
  "Words of a report's title line, e.g. 青石镇2024年政府工作报告.")

(defun gongwen-looks-like-report-p ()
  "Whether the buffer's first lines look like a report (point is kept).
A short line with a title word, or 各位代表： with 政府工作 near it."
  (save-excursion
    (goto-char (point-min))
    (let ((end (min (point-max) (+ (point-min) 2000)))
          (seen 0) (found nil))
      (while (and (not found) (< seen 12) (< (point) end))
        (let ((line (string-trim (buffer-substring-no-properties (line-beginning-position) (line-end-position)))))
          (unless (string-empty-p line)
            (setq seen (1+ seen))
            (when (and (<= (length line) 60)
                       (seq-some (lambda (w) (string-match-p (regexp-quote w) line)) gongwen--title-words))
              (setq found t))))
        (forward-line 1))
      (or found
          (let ((head (buffer-substring-no-properties (point-min) end)))
            (and (string-match-p "各位代表：" head)
                 (string-match-p "政府工作\\|向大会报告" head)
                 t))))))

(defun gongwen--txt-report-p ()
  "For `magic-mode-alist': a .txt file that looks like a report."
  (and gongwen-detect-txt
       buffer-file-name
       (string-match-p "\\.txt\\'" buffer-file-name)
       (gongwen-looks-like-report-p)))

;;;###autoload
(define-derived-mode gongwen-mode text-mode "Gongwen"
  "Major mode for Chinese work reports, served by the Gongwen language server."
  (visual-line-mode 1))

(add-to-list 'auto-mode-alist '("\\.gongwen\\'" . gongwen-mode))
;; magic-mode-alist is consulted before auto-mode-alist, which would make a .txt file text-mode.
(add-to-list 'magic-mode-alist '(gongwen--txt-report-p . gongwen-mode))

(defclass gongwen-eglot-server (eglot-lsp-server) ()
  "The Gongwen language server.")

(cl-defmethod eglot-initialization-options ((_server gongwen-eglot-server))
  "Send `gongwen-settings' as initializationOptions.settings."
  (list :settings (or gongwen-settings (make-hash-table))))

(defun gongwen--contact (_interactive)
  "How eglot starts the server: read when it starts, so customizing the command takes effect."
  (cons 'gongwen-eglot-server gongwen-server-command))

(add-to-list 'eglot-server-programs '(gongwen-mode . gongwen--contact))
(add-hook 'gongwen-mode-hook #'eglot-ensure)

(provide 'gongwen)
;;; gongwen.el ends here
