rule "aws-s3-bucket-policy-public" {
  title     = "S3 bucket policy allows access to any principal"
  severity  = "critical"
  area      = "identity-access"
  resources = ["aws_s3_bucket_policy", "aws_s3_bucket"]
  aliases   = ["CKV_AWS_70"]

  description = <<-EOT
    A bucket policy statement that allows `Principal: "*"` (or `{"AWS": "*"}`) without a
    condition that narrows it grants its actions to everyone, including anonymous requests from
    the internet: objects can be listed and downloaded, and with write actions replaced or
    deleted. Deciding who may access a bucket is the customer's side of the shared responsibility
    model. Block Public Access (`block_public_policy`, `restrict_public_buckets`) stops such a
    policy from being applied or from taking effect, if it is on. This rule checks
    `aws_s3_bucket_policy` and the deprecated inline `policy` of `aws_s3_bucket`; statements
    restricted by a condition (for example `aws:SourceArn`, `aws:PrincipalOrgID` or
    `aws:SourceVpce`) are not reported.
  EOT
  remediation = "Name the principals that need access (account, role or service principals) or add a condition that restricts the wildcard; serve public content through CloudFront with origin access control instead of a public bucket policy."
  references = [
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/s3_bucket_policy",
    "https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html",
  ]

  assert {
    builtin "iam-no-public-principal" {
      attribute = "policy"
    }
  }

  example "bad" {
    code = <<-EOT
      resource "aws_s3_bucket" "site" {
        bucket = "example-site"
      }

      resource "aws_s3_bucket_policy" "site" {
        bucket = aws_s3_bucket.site.id
        policy = jsonencode({
          Version = "2012-10-17"
          Statement = [{
            Effect    = "Allow"
            Principal = "*"  # expect: aws-s3-bucket-policy-public
            Action    = "s3:GetObject"
            Resource  = "arn:aws:s3:::example-site/*"
          }]
        })
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "aws_s3_bucket" "site" {
        bucket = "example-site"
      }

      resource "aws_s3_bucket_policy" "site" {
        bucket = aws_s3_bucket.site.id
        policy = jsonencode({
          Version = "2012-10-17"
          Statement = [{
            Effect    = "Allow"
            Principal = { Service = "cloudfront.amazonaws.com" }
            Action    = "s3:GetObject"
            Resource  = "arn:aws:s3:::example-site/*"
            Condition = {
              StringEquals = {
                "AWS:SourceArn" = "arn:aws:cloudfront::123456789012:distribution/EDFDVBD6EXAMPLE"
              }
            }
          }]
        })
      }
    EOT
  }
}
