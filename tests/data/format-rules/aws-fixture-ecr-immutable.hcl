rule "aws-fixture-ecr-immutable" {
  title       = "ECR repository allows image tags to be overwritten"
  severity    = "medium"
  area        = "application-workload"
  resources   = ["aws_ecr_repository"]
  description = "A rule of the output format tests; the fixture passes it."
  remediation = "Set `image_tag_mutability = \"IMMUTABLE\"`."

  assert {
    attribute "image_tag_mutability" {
      equals  = "IMMUTABLE"
      default = "MUTABLE"
    }
  }

  example "bad" {
    code = "resource \"aws_ecr_repository\" \"a\" {}"
  }

  example "good" {
    code = "resource \"aws_ecr_repository\" \"a\" { image_tag_mutability = \"IMMUTABLE\" }"
  }
}
