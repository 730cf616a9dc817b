rule "aws-secretsmanager-secret-cmk" {
  title     = "Secrets Manager secret is encrypted with the AWS managed key instead of a customer managed key"
  severity  = "low"
  area      = "data-protection"
  resources = ["aws_secretsmanager_secret"]
  aliases   = ["CKV_AWS_149", "AVD-AWS-0098", "aws-ssm-secret-use-customer-key"]

  description = <<-EOT
    Without `kms_key_id`, Secrets Manager encrypts the secret with the account's AWS managed key
    `aws/secretsmanager`, whose key policy lets every principal of the account that may call
    Secrets Manager use it. A customer managed key adds a second, separate permission: reading the
    secret then also needs `kms:Decrypt` on that key, its key policy can be reviewed and scoped,
    and it can be shared with another account (the AWS managed key cannot, so cross-account
    access to the secret needs a customer managed key). Low: the secret is encrypted either way;
    the choice of key is the customer's side of the shared responsibility model.
  EOT
  remediation = <<-EOT
    Create a customer managed key and set `kms_key_id`:

        resource "aws_secretsmanager_secret" "db" {
          name       = "prod/db/password"
          kms_key_id = aws_kms_key.secrets.arn
        }
  EOT
  references = [
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/secretsmanager_secret",
    "https://docs.aws.amazon.com/secretsmanager/latest/userguide/security-encryption.html",
  ]

  assert {
    # Absent: the AWS managed key aws/secretsmanager. Naming that alias is the same key.
    attribute "kms_key_id" {
      present     = true
      not_matches = "^(arn:[^:]+:kms:[^:]*:[^:]*:)?alias/aws/secretsmanager$"
    }
  }

  example "bad" {
    code = <<-EOT
      resource "aws_secretsmanager_secret" "db" {  # expect: aws-secretsmanager-secret-cmk
        name = "prod/db/password"
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "aws_secretsmanager_secret" "db" {
        name       = "prod/db/password"
        kms_key_id = "alias/aws/secretsmanager"  # expect: aws-secretsmanager-secret-cmk
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "aws_kms_key" "secrets" {
        description         = "Secrets Manager"
        enable_key_rotation = true
      }

      resource "aws_secretsmanager_secret" "db" {
        name       = "prod/db/password"
        kms_key_id = aws_kms_key.secrets.arn
      }
    EOT
  }
}
