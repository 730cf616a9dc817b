rule "aws-backup-vault-lock" {
  title     = "Backup vault has no Vault Lock protecting its recovery points from deletion"
  severity  = "medium"
  area      = "data-protection"
  resources = ["aws_backup_vault"]

  description = <<-EOT
    Without AWS Backup Vault Lock, anyone with `backup:DeleteRecoveryPoint` in the account (an
    attacker with stolen administrator credentials, ransomware, or a mistaken cleanup script) can
    delete every backup before destroying the data it protects. An
    `aws_backup_vault_lock_configuration` enforces a minimum retention on the vault's recovery
    points; once its `changeable_for_days` grace period is over (compliance mode), not even the
    root user can shorten it or delete the recovery points early. Medium: defence in depth that
    keeps recovery possible after an account compromise. Protecting backups is the customer's side
    of the shared responsibility model. Vaults holding only short-lived or test backups may have
    this finding suppressed with the reason.
  EOT
  remediation = <<-EOT
    Lock the vault:

        resource "aws_backup_vault_lock_configuration" "main" {
          backup_vault_name   = aws_backup_vault.main.name
          min_retention_days  = 7
          max_retention_days  = 365
          changeable_for_days = 3
        }
  EOT
  references = [
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/backup_vault_lock_configuration",
    "https://docs.aws.amazon.com/aws-backup/latest/devguide/vault-lock.html",
  ]

  assert {
    linked "aws_backup_vault_lock_configuration" {
      via   = "backup_vault_name"
      match = "name"
    }
  }

  example "bad" {
    code = <<-EOT
      resource "aws_backup_vault" "main" {  # expect: aws-backup-vault-lock
        name = "main"
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "aws_backup_vault" "main" {
        name = "main"
      }

      resource "aws_backup_vault" "replica" {  # expect: aws-backup-vault-lock aws_backup_vault.replica
        name = "replica"
      }

      resource "aws_backup_vault_lock_configuration" "main" {
        backup_vault_name  = aws_backup_vault.main.name
        min_retention_days = 7
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "aws_backup_vault" "main" {
        name = "main"
      }

      resource "aws_backup_vault_lock_configuration" "main" {
        backup_vault_name   = aws_backup_vault.main.name
        min_retention_days  = 7
        max_retention_days  = 365
        changeable_for_days = 3
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "aws_backup_vault" "main" {
        name = "main"
      }

      resource "aws_backup_vault_lock_configuration" "main" {
        backup_vault_name  = "main"
        min_retention_days = 7
      }
    EOT
  }
}
