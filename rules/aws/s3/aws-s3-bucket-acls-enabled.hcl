rule "aws-s3-bucket-acls-enabled" {
  title     = "S3 bucket ownership controls keep access control lists enabled"
  severity  = "low"
  area      = "data-protection"
  resources = ["aws_s3_bucket_ownership_controls"]

  description = <<-EOT
    With object ownership `ObjectWriter` or `BucketOwnerPreferred`, S3 still evaluates bucket and
    object ACLs. Every object may then carry its own grants, set by whoever uploaded it, which
    bucket policies and reviews do not show; a single `public-read` upload or a grant to another
    account is enough to expose data, and objects uploaded by other accounts may not even belong
    to the bucket owner. `BucketOwnerEnforced` disables ACLs, so the bucket policy alone decides
    access and the bucket owner owns every object; it is the default for buckets created since
    April 2023. Access management of the bucket is the customer's side of the shared
    responsibility model. Low: it enables a way to expose data rather than exposing it. Buckets
    that must accept ACLs (CloudFront standard logs, for example) may have this finding
    suppressed with the reason.
  EOT
  remediation = <<-EOT
    Disable ACLs:

        resource "aws_s3_bucket_ownership_controls" "data" {
          bucket = aws_s3_bucket.data.id
          rule {
            object_ownership = "BucketOwnerEnforced"
          }
        }
  EOT
  references = [
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/s3_bucket_ownership_controls",
    "https://docs.aws.amazon.com/AmazonS3/latest/userguide/about-object-ownership.html",
  ]

  assert {
    attribute "rule.object_ownership" {
      equals = "BucketOwnerEnforced"
    }
  }

  example "bad" {
    code = <<-EOT
      resource "aws_s3_bucket" "data" {
        bucket = "example-data"
      }
      resource "aws_s3_bucket_ownership_controls" "data" {
        bucket = aws_s3_bucket.data.id
        rule {
          object_ownership = "ObjectWriter"  # expect: aws-s3-bucket-acls-enabled
        }
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "aws_s3_bucket_ownership_controls" "uploads" {
        bucket = "example-uploads"
        rule {
          object_ownership = "BucketOwnerPreferred"  # expect: aws-s3-bucket-acls-enabled
        }
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "aws_s3_bucket" "data" {
        bucket = "example-data"
      }
      resource "aws_s3_bucket_ownership_controls" "data" {
        bucket = aws_s3_bucket.data.id
        rule {
          object_ownership = "BucketOwnerEnforced"
        }
      }
    EOT
  }
}
