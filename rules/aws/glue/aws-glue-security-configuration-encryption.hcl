rule "aws-glue-security-configuration-encryption" {
  title     = "Glue security configuration leaves job output, logs or bookmarks unencrypted"
  severity  = "medium"
  area      = "data-protection"
  resources = ["aws_glue_security_configuration"]
  aliases   = ["CKV_AWS_99"]

  description = <<-EOT
    A Glue security configuration decides how the jobs, crawlers and development endpoints that
    use it encrypt what they write: data in S3 (`s3_encryption`), their CloudWatch logs
    (`cloudwatch_encryption`, which can include rows printed by a script) and job bookmarks
    (`job_bookmarks_encryption`, which record what has been processed). Each mode defaults to
    `DISABLED`. A configuration that leaves any of them disabled lets that output be written
    without the encryption the configuration exists to enforce. Encrypting job output is the
    customer's side of the shared responsibility model. Medium: processed data and logs stored
    without encryption under the customer's control.
  EOT
  remediation = <<-EOT
    Enable all three encryption settings:

        resource "aws_glue_security_configuration" "etl" {
          name = "etl"
          encryption_configuration {
            cloudwatch_encryption {
              cloudwatch_encryption_mode = "SSE-KMS"
              kms_key_arn                = aws_kms_key.glue.arn
            }
            job_bookmarks_encryption {
              job_bookmarks_encryption_mode = "CSE-KMS"
              kms_key_arn                   = aws_kms_key.glue.arn
            }
            s3_encryption {
              s3_encryption_mode = "SSE-KMS"
              kms_key_arn        = aws_kms_key.glue.arn
            }
          }
        }
  EOT
  references = [
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/glue_security_configuration",
    "https://docs.aws.amazon.com/glue/latest/dg/encryption-security-configuration.html",
  ]

  assert {
    attribute "encryption_configuration.cloudwatch_encryption.cloudwatch_encryption_mode" {
      not_equals = "DISABLED"
      default    = "DISABLED"
    }
    attribute "encryption_configuration.job_bookmarks_encryption.job_bookmarks_encryption_mode" {
      not_equals = "DISABLED"
      default    = "DISABLED"
    }
    attribute "encryption_configuration.s3_encryption.s3_encryption_mode" {
      not_equals = "DISABLED"
      default    = "DISABLED"
    }
  }

  example "bad" {
    code = <<-EOT
      resource "aws_glue_security_configuration" "etl" {
        name = "etl"
        encryption_configuration {
          cloudwatch_encryption {
            cloudwatch_encryption_mode = "DISABLED"  # expect: aws-glue-security-configuration-encryption
          }
          job_bookmarks_encryption {
            job_bookmarks_encryption_mode = "CSE-KMS"
            kms_key_arn                   = "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"
          }
          s3_encryption {
            s3_encryption_mode = "SSE-S3"
          }
        }
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "aws_glue_security_configuration" "etl" {
        name = "etl"
        encryption_configuration {
          cloudwatch_encryption {
            cloudwatch_encryption_mode = "SSE-KMS"
            kms_key_arn                = "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"
          }
          job_bookmarks_encryption {
            job_bookmarks_encryption_mode = "CSE-KMS"
            kms_key_arn                   = "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"
          }
          s3_encryption {
            s3_encryption_mode = "DISABLED"  # expect: aws-glue-security-configuration-encryption
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
      resource "aws_glue_security_configuration" "etl" {
        name = "etl"
        encryption_configuration {
          cloudwatch_encryption {
            cloudwatch_encryption_mode = "SSE-KMS"
            kms_key_arn                = aws_kms_key.glue.arn
          }
          job_bookmarks_encryption {
            job_bookmarks_encryption_mode = "CSE-KMS"
            kms_key_arn                   = aws_kms_key.glue.arn
          }
          s3_encryption {
            s3_encryption_mode = "SSE-KMS"
            kms_key_arn        = aws_kms_key.glue.arn
          }
        }
      }
    EOT
  }
}
