rule "aws-glue-data-catalog-encryption" {
  title     = "Glue Data Catalog metadata is not encrypted at rest"
  severity  = "medium"
  area      = "data-protection"
  resources = ["aws_glue_data_catalog_encryption_settings"]
  aliases   = ["CKV_AWS_94"]

  description = <<-EOT
    The Glue Data Catalog holds the schema, location and properties of every table of a data
    lake, often with partition values and connection details that reveal what the data contains.
    With `catalog_encryption_mode = "DISABLED"` this metadata is stored unencrypted by a key you
    control; `SSE-KMS` (or `SSE-KMS-WITH-SERVICE-ROLE`) encrypts databases, tables, partitions and
    versions with a KMS key whose policy decides who can read them. The setting is account- and
    region-wide and is the customer's choice under the shared responsibility model. Medium: it
    protects metadata rather than the data itself.
  EOT
  remediation = <<-EOT
    Encrypt the catalog with a KMS key:

        resource "aws_glue_data_catalog_encryption_settings" "main" {
          data_catalog_encryption_settings {
            encryption_at_rest {
              catalog_encryption_mode = "SSE-KMS"
              sse_aws_kms_key_id      = aws_kms_key.glue.arn
            }
            connection_password_encryption {
              return_connection_password_encrypted = true
              aws_kms_key_id                       = aws_kms_key.glue.arn
            }
          }
        }
  EOT
  references = [
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/glue_data_catalog_encryption_settings",
    "https://docs.aws.amazon.com/glue/latest/dg/encrypt-glue-data-catalog.html",
  ]

  assert {
    attribute "data_catalog_encryption_settings.encryption_at_rest.catalog_encryption_mode" {
      one_of = ["SSE-KMS", "SSE-KMS-WITH-SERVICE-ROLE"]
    }
  }

  example "bad" {
    code = <<-EOT
      resource "aws_glue_data_catalog_encryption_settings" "main" {
        data_catalog_encryption_settings {
          encryption_at_rest {
            catalog_encryption_mode = "DISABLED"  # expect: aws-glue-data-catalog-encryption
          }
          connection_password_encryption {
            return_connection_password_encrypted = true
            aws_kms_key_id                       = "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"
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
          encryption_at_rest {
            catalog_encryption_mode = "SSE-KMS"
            sse_aws_kms_key_id      = aws_kms_key.glue.arn
          }
          connection_password_encryption {
            return_connection_password_encrypted = true
            aws_kms_key_id                       = aws_kms_key.glue.arn
          }
        }
      }
    EOT
  }
}
