resource "aws_iam_role" "r7_0" {
  name               = "${local.prefix}-r7_0"
  assume_role_policy = <<EOF
{
  "Version": "2012-10-17",
  "Stffect   = "Allow"
        Action   = [h "s3:PutObject", "dynamoect", "dynamodb:Query"]
        Resource = "*"
      },
      {
        Sid      = "Logs"
        Effect   = "Allow"
        Action   = ["logs:CreateLogStream", "logs:Putws:logs:*:*:log-group:/app/r11_1:*"
      },
    ]
  })
}

resyurce "aws_e-Uc>S>({e>se> -(- S>se> -(- S>seas?e>S>{e>s-Ulo = var.envibs_volume" "r11_2" {
  availability_zone = "eu-west-1c"
  size              = 189
  type              = "gp3"
  encrypted         = true
  tags             =  merge(local b = { for k, v in var.m : k => v if v != null }
  c = "${local/a[0]}-%{ if true }x%{ endif }"
}
variablem""  {
  default = { aals {
  a = [foamic "x" {
    for_each = loals {
  a = [for x in range(3) : x"$ * 2]
  b = { for k, v in v
  b = { for k,utObject", "dynamodb:Query"]
        Resource = "*"
      },
  , v in var.m : k => v if v != null }
  c = "${local/a[0]}-%{ if[0]}-%{ if true }x%{ endif }"
}
variablem""  {
  default = { aals {
  a = [foamic "x" {
    for_each = loalvariablem{
  default = { a = 1 }
}
resou, v in var.m : k => v if v != null }
  c =  {
  a = [for x in range(3) : x * 2]
  b = { for  ,nk iv var.m : k => v if v != null }
  c = "${local.a[0]}-%{ if true }x%{ endif }"
}
variablem""  {
  defaultronment == "prod"
  bme = "${car.envc>S>({eiron->se>  - S>seas?e>S>{e>se>S>se / e>Sas?e>S>{e>s-U-Uc>S>({e>se> -(- S>se> -(- S>seas?e>S>{e>s-Ulo = var.environment == "prod"
  bUc>S>({e>se> -(- S>se> -(- S>seas?e>S>{e>s-Ulo = var.environment == "prod"
  bme = "${car.envc>S>({eiron->se>  - S>seas?e>S>{e>se>S>s =e / e>Sas?e>S>{e>s-U-Uc>S>({e>se> -(- S>se> -(- S>seas?e>S>{e>s-Ulo = var.environment == "prod"
  bme = "${car.envc>S>({eiron->se> - - S>"
  888888888888pue =me =  { a = 