rule "aws-glue-connection-password-encryption" {
  title     = "Glue returns connection passwords unencrypted"
  severity  = "medium"
  area      = "identity-access"
  resources = ["aws_glue_data_catalog_encryption_settings"]
  aliases   = ["CKV_AWS_94"]

  description = <<-EOT
    Glue connections store the user name and password of the JDBC databases that crawlers and
    jobs read. With `return_connection_password_encrypted = false`, `GetConnection` and
    `GetConnections` return those passwords in clear text to anyone allowed to call them, and
    they show in the console; with `true` they come back encrypted with the KMS key named in
    `aws_kms_key_id`, so reading them also needs `kms:Decrypt` on that key. The setting is
    account- and region-wide. Protecting stored credentials is the customer's side of the shared
    responsibility model. Medium: database passwords readable by a wider set of principals than
    intended.
  EOT
  remediation = <<-EOT
    Return connection passwords encrypted:

        resource "aws_glue_data_catalog_encryption_settings" "main" {
          data_catalog_encryption_settings {
            connection_password_encryption {
              return_connection_password_encrypted = true
              aws_kms_key_id                       = aws_kms_key.glue.arn
            }
            encryption_at_rest {
              catalog_encryption_mode = "SSE-KMS"
              sse_aws_kms_key_id      = aws_kms_key.glue.arn
            }
          }
        }
  EOT
  references = [
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/glue_data_catalog_encryption_settings#return_connection_password_encrypted",
    "https://docs.aws.amazon.com/glue/latest/dg/encrypt-connection-passwords.html",
  ]

  assert {
    attribute "data_catalog_encryption_settings.connection_password_encryption.return_connection_password_encrypted" {
      equals = true
    }
  }

  example "bad" {
    code = <<-EOT
      resource "aws_glue_data_catalog_encryption_settings" "main" {
        data_catalog_encryption_settings {
          connection_password_encryption {
            return_connection_password_encrypted = false  # expect: aws-glue-connection-password-encryption
          }
          encryption_at_rest {
            catalog_encryption_mode = "SSE-KMS"
          }
        }
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "aws_kms_key" "glue" {
        enable_key_rotation = true
      }
      resource "aws_glue_data_catalog_encryption_settings" "main" {
        data_catalog_encryption_settings {
          connection_password_encryption {
            return_connection_password_encrypted = true
            aws_kms_key_id                       = aws_kms_key.glue.arn
          }
          encryption_at_rest {
            catalog_encryption_mode = "SSE-KMS"
            sse_aws_kms_key_id      = aws_kms_key.glue.arn
          }
        }
      }
    EOT
  }
}
