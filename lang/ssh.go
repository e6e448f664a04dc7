package lang

// Texts of the SSH desks (sshdesk/).
var (
	KeyIsNotThisLoginS                      = Text{"公钥不属于该登录名", "the key is not this login's"}
	CannotReadSSHHostKey                    = Text{"无法读取 SSH 主机密钥 %s：%v", "cannot read the SSH host key %s: %v"}
	SSHHostKeyHasMode4o                     = Text{"SSH 主机密钥 %s 的权限是 %04o，其他用户也能读取；请运行 chmod 600 %s", "the SSH host key %s has mode %04o and others can read it; run chmod 600 %s"}
	SSHHostKeyCannotBeParsed                = Text{"SSH 主机密钥 %s 无法解析：%v", "the SSH host key %s cannot be parsed: %v"}
	CannotCreateSSHHostKey                  = Text{"无法创建 SSH 主机密钥 %s：%v", "cannot create the SSH host key %s: %v"}
	SSHDeskCannotListenOn                   = Text{"SSH 前台无法监听 %s：%v", "the SSH desk cannot listen on %s: %v"}
	YourAccountHasBeenDeactivatedConnection = Text{"您的账号已被停用，连接已断开。", "Your account has been deactivated; the connection is closed."}
	SessionWasIdleTooLongAnd                = Text{"长时间没有操作，连接已断开。", "The session was idle too long and has been closed."}
	DeskServerIsStoppingConnectionIs        = Text{"前台服务正在关闭，连接已断开。", "The desk server is stopping; the connection is closed."}
	DeskMetInternalErrorAndThis             = Text{"前台出现内部错误，本次连接已断开（其他人不受影响）；请重新连接。", "The desk met an internal error and this session was closed (no one else is affected); please connect again."}
	YourAccountHasBeenDeactivated           = Text{"您的账号已被停用。", "Your account has been deactivated."}
	NoKeyPressedClosingInS                  = Text{"⚠ 再过 %d 秒没有操作将断开连接", "⚠ no key pressed: closing in %d s"}
)
