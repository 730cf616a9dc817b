rule "aws-lambda-deprecated-runtime" {
  title     = "Lambda function uses a deprecated runtime"
  severity  = "medium"
  area      = "application-workload"
  resources = ["aws_lambda_function"]
  aliases   = ["CKV_AWS_363"]

  description = <<-EOT
    When AWS deprecates a Lambda runtime it stops applying security patches to it; the language
    version itself is usually out of upstream support already. A function on such a runtime keeps
    running with known, unfixed vulnerabilities in the interpreter and its standard library, and
    AWS later blocks creating and then updating functions on it. The rule lists runtimes
    deprecated by AWS by mid-2025: Node.js up to 18.x, Python up to 3.9, Ruby 2.x, Java 8 on
    Amazon Linux 1 (`java8`), .NET Core and .NET 5 to 7, Go 1.x and `provided` (Amazon Linux 1).
    Container-image functions (no `runtime`) are not checked. Choosing and updating the runtime is
    the customer's side of the shared responsibility model. Medium: unpatched code in the request
    path.
  EOT
  remediation = "Move the function to a supported runtime (for example `python3.12`, `nodejs20.x`, `java21`, `dotnet8` or `provided.al2023`) and test it before the deprecation dates of the new one."
  references = [
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/lambda_function#runtime",
    "https://docs.aws.amazon.com/lambda/latest/dg/lambda-runtimes.html#runtimes-deprecated",
  ]

  when {
    attribute "runtime" {
      present = true
    }
  }

  assert {
    attribute "runtime" {
      not_one_of = [
        "nodejs", "nodejs4.3", "nodejs4.3-edge", "nodejs6.10", "nodejs8.10", "nodejs10.x",
        "nodejs12.x", "nodejs14.x", "nodejs16.x", "nodejs18.x",
        "python2.7", "python3.6", "python3.7", "python3.8", "python3.9",
        "ruby2.5", "ruby2.7",
        "java8",
        "dotnetcore1.0", "dotnetcore2.0", "dotnetcore2.1", "dotnetcore3.1", "dotnet5.0", "dotnet6", "dotnet7",
        "go1.x", "provided",
      ]
    }
  }

  example "bad" {
    code = <<-EOT
      resource "aws_lambda_function" "thumbnail" {
        function_name = "thumbnail"
        role          = "arn:aws:iam::123456789012:role/thumbnail"
        handler       = "index.handler"
        runtime       = "nodejs16.x"  # expect: aws-lambda-deprecated-runtime
        filename      = "thumbnail.zip"
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      variable "python_runtime" {
        type    = string
        default = "python3.8"
      }
      resource "aws_lambda_function" "report" {
        function_name = "report"
        role          = "arn:aws:iam::123456789012:role/report"
        handler       = "app.handler"
        runtime       = var.python_runtime  # expect: aws-lambda-deprecated-runtime
        filename      = "report.zip"
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "aws_lambda_function" "thumbnail" {
        function_name = "thumbnail"
        role          = "arn:aws:iam::123456789012:role/thumbnail"
        handler       = "index.handler"
        runtime       = "nodejs20.x"
        filename      = "thumbnail.zip"
      }
      resource "aws_lambda_function" "container" {
        function_name = "container"
        role          = "arn:aws:iam::123456789012:role/container"
        package_type  = "Image"
        image_uri     = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/container:1.0"
      }
    EOT
  }
}
