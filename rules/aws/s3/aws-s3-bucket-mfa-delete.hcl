rule "aws-s3-bucket-mfa-delete" {
  title     = "Versioned S3 bucket does not require MFA to delete versions"
  severity  = "low"
  area      = "data-protection"
  resources = ["aws_s3_bucket_versioning"]
  aliases   = ["AVD-AWS-0170", "aws-s3-require-mfa-delete"]
  compliance = {
    "cis-aws-1.4" = ["2.1.3"]
    "cis-aws-3.0" = ["2.1.2"]
  }

  description = <<-EOT
    Versioning keeps every overwritten or deleted object, but anyone with
    `s3:DeleteObjectVersion` and `s3:PutBucketVersioning`, including stolen credentials, can
    still erase the versions or suspend versioning. With MFA delete on, both need the bucket
    owner's (root) MFA code, which protects backups and audit data from ransomware and insider
    deletion. `versioning_configuration.mfa_delete` defaults to `Disabled`, and turning it on
    requires the `mfa` argument with the root user's device serial and a current code. Protecting
    data from deletion is the customer's side of the shared responsibility model. Only buckets
    whose versioning is `Enabled` are checked. Severity is low: a hardening control with
    operational cost; S3 Object Lock is an alternative for many buckets.
  EOT
  remediation = <<-EOT
    Turn on MFA delete (applied with the root user's MFA device):

    ```hcl
    resource "aws_s3_bucket_versioning" "backups" {
      bucket = aws_s3_bucket.backups.id
      mfa    = "arn:aws:iam::111122223333:mfa/root-account-mfa-device 123456"

      versioning_configuration {
        status     = "Enabled"
        mfa_delete = "Enabled"
      }
    }
    ```
  EOT
  references = [
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/s3_bucket_versioning#mfa_delete",
    "https://docs.aws.amazon.com/AmazonS3/latest/userguide/MultiFactorAuthenticationDelete.html",
  ]

  when {
    attribute "versioning_configuration.status" {
      equals = "Enabled"
    }
  }

  assert {
    attribute "versioning_configuration.mfa_delete" {
      equals  = "Enabled"
      default = "Disabled"
    }
  }

  example "bad" {
    code = <<-EOT
      resource "aws_s3_bucket_versioning" "backups" {
        bucket = "example-backups"

        versioning_configuration {
          status     = "Enabled"
          mfa_delete = "Disabled"  # expect: aws-s3-bucket-mfa-delete
        }
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "aws_s3_bucket_versioning" "backups" {
        bucket = "example-backups"

        versioning_configuration {  # expect: aws-s3-bucket-mfa-delete
          status = "Enabled"
        }
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "aws_s3_bucket_versioning" "backups" {
        bucket = "example-backups"
        mfa    = "arn:aws:iam::111122223333:mfa/root-account-mfa-device 123456"

        versioning_configuration {
          status     = "Enabled"
          mfa_delete = "Enabled"
        }
      }
    EOT
  }
}
