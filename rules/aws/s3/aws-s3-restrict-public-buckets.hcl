rule "aws-s3-restrict-public-buckets" {
  title     = "S3 public access block does not restrict buckets with public policies"
  severity  = "medium"
  area      = "identity-access"
  resources = ["aws_s3_bucket_public_access_block"]
  aliases   = ["CKV_AWS_56", "AVD-AWS-0093", "aws-s3-no-public-buckets"]
  compliance = {
    "cis-aws-1.4" = ["2.1.5"]
    "cis-aws-3.0" = ["2.1.4"]
  }

  description = <<-EOT
    With `restrict_public_buckets = true`, a bucket whose policy is public is reachable only by
    AWS service principals and users of the owning account: anonymous and cross-account access
    through the public policy stops, even though the policy itself remains. This is the setting
    that neutralises a public policy that already exists (`block_public_policy` only rejects new
    ones). The argument defaults to `false` in the Terraform provider, so a public access block
    that omits it leaves this protection off. Severity is medium: a guard rail (defence in depth),
    the customer's configuration under the shared responsibility model.
    A bucket with no public access block at all is reported by `aws-s3-bucket-public-access-block`.
  EOT
  remediation = <<-EOT
    Set `restrict_public_buckets = true` on the bucket's public access block:

    ```hcl
    resource "aws_s3_bucket_public_access_block" "data" {
      bucket                  = aws_s3_bucket.data.id
      block_public_acls       = true
      block_public_policy     = true
      ignore_public_acls      = true
      restrict_public_buckets = true
    }
    ```
  EOT
  references = [
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/s3_bucket_public_access_block",
    "https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html",
  ]

  assert {
    attribute "restrict_public_buckets" {
      equals  = true
      default = false
    }
  }

  example "bad" {
    code = <<-EOT
      resource "aws_s3_bucket" "data" {
        bucket = "example-data"
      }

      resource "aws_s3_bucket_public_access_block" "data" {  # expect: aws-s3-restrict-public-buckets
        bucket                  = aws_s3_bucket.data.id
        block_public_acls       = true
        block_public_policy     = true
        ignore_public_acls      = true
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "aws_s3_bucket" "data" {
        bucket = "example-data"
      }

      resource "aws_s3_bucket_public_access_block" "data" {
        bucket                  = aws_s3_bucket.data.id
        block_public_acls       = true
        block_public_policy     = true
        ignore_public_acls      = true
        restrict_public_buckets = false  # expect: aws-s3-restrict-public-buckets
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      variable "restrict_public_buckets" {
        type    = bool
        default = false
      }

      resource "aws_s3_bucket" "data" {
        bucket = "example-data"
      }

      resource "aws_s3_bucket_public_access_block" "data" {
        bucket                  = aws_s3_bucket.data.id
        block_public_acls       = true
        block_public_policy     = true
        ignore_public_acls      = true
        restrict_public_buckets = var.restrict_public_buckets  # expect: aws-s3-restrict-public-buckets
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "aws_s3_bucket" "data" {
        bucket = "example-data"
      }

      resource "aws_s3_bucket_public_access_block" "data" {
        bucket                  = aws_s3_bucket.data.id
        block_public_acls       = true
        block_public_policy     = true
        ignore_public_acls      = true
        restrict_public_buckets = true
      }
    EOT
  }

  # Another protection is missing, which its own rule reports; this one is on.
  example "good" {
    code = <<-EOT
      resource "aws_s3_bucket" "data" {
        bucket = "example-data"
      }

      resource "aws_s3_bucket_public_access_block" "data" {
        bucket                  = aws_s3_bucket.data.id
        block_public_policy     = true
        ignore_public_acls      = true
        restrict_public_buckets = true
      }
    EOT
  }
}
