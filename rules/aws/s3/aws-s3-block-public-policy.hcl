rule "aws-s3-block-public-policy" {
  title     = "S3 public access block does not reject public bucket policies"
  severity  = "medium"
  area      = "identity-access"
  resources = ["aws_s3_bucket_public_access_block"]
  aliases   = ["CKV_AWS_54", "AVD-AWS-0087", "aws-s3-block-public-policy"]
  compliance = {
    "cis-aws-1.4" = ["2.1.5"]
    "cis-aws-3.0" = ["2.1.4"]
  }

  description = <<-EOT
    With `block_public_policy = true`, Amazon S3 rejects a `PutBucketPolicy` call whose policy
    grants access to anyone (a `*` principal without a restricting condition). Without it, a
    single bucket-policy change can publish the whole bucket. The argument defaults to `false` in
    the Terraform provider, so a public access block that omits it leaves this protection off.
    Bucket policies are the customer's side of the shared responsibility model. Severity is
    medium: the setting is a guard rail against a later mistake, not an exposure by itself.
    A bucket with no public access block at all is reported by `aws-s3-bucket-public-access-block`.
  EOT
  remediation = <<-EOT
    Set `block_public_policy = true` on the bucket's public access block:

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
    attribute "block_public_policy" {
      equals  = true
      default = false
    }
  }

  example "bad" {
    code = <<-EOT
      resource "aws_s3_bucket" "data" {
        bucket = "example-data"
      }

      resource "aws_s3_bucket_public_access_block" "data" {  # expect: aws-s3-block-public-policy
        bucket                  = aws_s3_bucket.data.id
        block_public_acls       = true
        ignore_public_acls      = true
        restrict_public_buckets = true
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
        block_public_policy     = false  # expect: aws-s3-block-public-policy
        ignore_public_acls      = true
        restrict_public_buckets = true
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      variable "block_public_policy" {
        type    = bool
        default = false
      }

      resource "aws_s3_bucket" "data" {
        bucket = "example-data"
      }

      resource "aws_s3_bucket_public_access_block" "data" {
        bucket                  = aws_s3_bucket.data.id
        block_public_acls       = true
        block_public_policy     = var.block_public_policy  # expect: aws-s3-block-public-policy
        ignore_public_acls      = true
        restrict_public_buckets = true
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
